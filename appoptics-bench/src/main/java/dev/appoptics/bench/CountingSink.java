package dev.appoptics.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast local receiver of the forwarding benchmark: takes any POST, reads and discards its body, answers 204,
 * and counts requests and bytes, so that the benchmark measures the forwarding server, not a database.
 */
final class CountingSink implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long lastRequestNanos = System.nanoTime();

  CountingSink() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(pool);
    server.createContext("/", exchange -> {
      long n = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = exchange.getRequestBody()) {
        for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
          n += r;
        }
      }
      bytes.addAndGet(n);
      requests.incrementAndGet();
      lastRequestNanos = System.nanoTime();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  String writeUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
  }

  long requests() {
    return requests.get();
  }

  long bytes() {
    return bytes.get();
  }

  long lastRequestNanos() {
    return lastRequestNanos;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
