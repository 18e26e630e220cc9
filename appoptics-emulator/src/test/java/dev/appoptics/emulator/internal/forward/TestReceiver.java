package dev.appoptics.emulator.internal.forward;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A receiver on a real socket for forwarding tests: records every request body with its headers and answers what
 * the test's script says (status, optional Retry-After, body), 200 by default.
 */
final class TestReceiver implements AutoCloseable {
  record Request(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse("");
    }
  }

  record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), new byte[0]);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Answer> script = r -> Answer.of(200);

  TestReceiver() {
    this(0);
  }

  TestReceiver(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> {
      Request request = new Request(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
      Answer answer = script.apply(request);
      if (answer.status() / 100 == 2) {
        requests.add(request);
      }
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        exchange.getResponseBody().write(answer.body());
      }
      exchange.close();
    });
    server.start();
  }

  /** Answers every later request with what {@code script} returns; accepted (2xx) requests are recorded. */
  TestReceiver answer(Function<Request, Answer> script) {
    this.script = script;
    return this;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The requests answered 2xx, in arrival order. */
  List<Request> accepted() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
