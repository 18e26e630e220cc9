package dev.appoptics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP endpoint standing in for a webhook or Slack receiver: it records every request, answers with the
 * statuses it is told to (then 200), and can hold requests until released.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(String path, String contentType, String body) {
    /** The form parameters of the body, decoded, as {@code name=value} strings. */
    List<String> formParameters() {
      List<String> out = new ArrayList<>();
      for (String pair : body.split("&")) {
        out.add(URLDecoder.decode(pair, StandardCharsets.UTF_8));
      }
      return out;
    }

    /** The JSON of the single {@code payload} form parameter. */
    JsonNode payload() {
      String prefix = "payload=";
      if (!body.startsWith(prefix) || body.indexOf('&') >= 0) {
        throw new AssertionError("not a single payload parameter: " + body);
      }
      return parse(URLDecoder.decode(body.substring(prefix.length()), StandardCharsets.UTF_8));
    }

    JsonNode json() {
      return parse(body);
    }

    private static JsonNode parse(String text) {
      try {
        return TestHttp.JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new ArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next requests are answered with these statuses, in order; later ones with 200. */
  synchronized void answer(int... next) {
    for (int s : next) {
      statuses.add(s);
    }
  }

  /** Requests are held, unanswered, until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until at least {@code n} requests came in; returns them all. */
  List<Received> await(int n) {
    Eventually.until("the receiver to get " + n + " requests", Duration.ofSeconds(20), () -> received().size() >= n);
    return received();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int status;
    synchronized (this) {
      received.add(new Received(
          exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
      status = statuses.isEmpty() ? 200 : statuses.poll();
    }
    try {
      gate.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
