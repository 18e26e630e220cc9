package dev.appoptics.metrics.internal.transport;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 (classic, blocking API) over a connection pool: the default transport, which sends faster than
 * the JDK client for less CPU in the end-to-end benchmark (docs/PERFORMANCE.md). Automatic retries, redirects,
 * cookies and auth caching are off: the layer above decides all of that.
 */
public final class ApacheTransport implements Transport {
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;

  /**
   * @param connectTimeout read on every new connection, so a changed timeout applies to connections opened later
   * @param maxConnections pool size (total and per route: the client talks to one host)
   */
  public ApacheTransport(Supplier<Duration> connectTimeout, int maxConnections) {
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoKeepAlive(true).build())
            .setConnectionConfigResolver(
                route ->
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout.get()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    ClassicHttpRequest message = new BasicClassicHttpRequest(request.method(), request.uri());
    request.headers().forEach(message::addHeader);
    if (request.body() != null) {
      String type = request.headers().getOrDefault("Content-Type", "application/json");
      message.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(type)));
    }
    Timeout timeout = Timeout.of(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(
        RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build());
    try {
      return client.execute(
          message,
          context,
          response -> {
            byte[] body =
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
              headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
            }
            return new HttpResponse(response.getCode(), headers, body);
          });
    } catch (SocketTimeoutException e) {
      throw new TransportTimeoutException("timed out after " + request.timeout().toMillis() + " ms", e);
    } catch (ConnectionRequestTimeoutException e) {
      throw new TransportTimeoutException(
          "no pooled connection free within " + request.timeout().toMillis() + " ms", e);
    }
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.GRACEFUL);
  }
}
