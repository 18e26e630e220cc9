package dev.appoptics.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A tiny HTTP server for wire details the emulator cannot show (exact request JSON, headers, chunk counts): it
 * records every request and answers with a scripted response. Registered on a static field it serves the whole test
 * class, forgets the recorded requests before each test and stops after the class.
 */
final class RecordingServer implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
    }

    static Reply text(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "text/plain"), body, 0);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, delayMillis);
    }

    Reply delayed(long millis) {
      return new Reply(status, headers, body, millis);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Recorded, Reply> responder = r -> Reply.json(200, "{}");

  RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A running server on an ephemeral port, for a static extension field. */
  static RecordingServer start() {
    try {
      return new RecordingServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void respond(Function<Recorded, Reply> responder) {
    this.responder = responder;
  }

  void respond(Reply reply) {
    this.responder = r -> reply;
  }

  String baseUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    Recorded rec = new Recorded(
        ex.getRequestMethod(),
        ex.getRequestURI().getRawPath(),
        ex.getRequestURI().getRawQuery(),
        Map.copyOf(ex.getRequestHeaders()),
        new String(in, StandardCharsets.UTF_8));
    requests.add(rec);
    Reply reply = responder.apply(rec);
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
    ex.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    requests.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
