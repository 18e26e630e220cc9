package dev.appoptics.metrics.internal.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's {@code java.net.http.HttpClient} (HTTP/1.1, pooled keep-alive, TCP_NODELAY set by the JDK): the
 * zero-dependency alternative. Its connect timeout is fixed when the client is built; the per-request timeout covers
 * the rest.
 */
public final class JdkTransport implements Transport {
  private final ExecutorService executor;
  private final HttpClient client;

  public JdkTransport(Duration connectTimeout) {
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "appoptics-jdk-http");
              t.setDaemon(true);
              return t;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .executor(executor)
            .build();
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
    request.headers().forEach(builder::header);
    builder.method(
        request.method(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
    try {
      java.net.http.HttpResponse<byte[]> response =
          client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new HttpResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (HttpTimeoutException e) {
      throw new TransportTimeoutException("timed out after " + request.timeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting for the answer");
      io.initCause(e);
      throw io;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
