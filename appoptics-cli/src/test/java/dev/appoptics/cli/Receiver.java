package dev.appoptics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real remote-write receiver for forwarding tests, started from its Debian package's binary on a free port with
 * its data in a temporary directory: Prometheus 2.42 ({@code --web.enable-remote-write-receiver}, with
 * {@code out_of_order_time_window} so that late AppOptics measurements and history are taken) or VictoriaMetrics
 * 1.79. A missing binary fails the test naming the package to install; it never skips.
 */
final class Receiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String name;
  private final List<String> command;
  private final Path log;
  private final int port;
  private final String readyPath;
  private final String flushPath;
  private Process process;

  private Receiver(String name, List<String> command, Path log, int port, String readyPath, String flushPath) {
    this.name = name;
    this.command = command;
    this.log = log;
    this.port = port;
    this.readyPath = readyPath;
    this.flushPath = flushPath;
  }

  static Receiver prometheus(Path dir) throws IOException {
    String binary = binary("prometheus", "prometheus");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, String.join("\n", "global:", "  scrape_interval: 1h", "storage:", "  tsdb:",
        "    out_of_order_time_window: 7d", ""));
    int port = freePort();
    List<String> command = List.of(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port, "--web.enable-remote-write-receiver");
    return new Receiver("prometheus", command, dir.resolve("prometheus.log"), port, "/-/ready", null).start();
  }

  static Receiver victoriaMetrics(Path dir) throws IOException {
    String binary = binary("victoria-metrics", "victoria-metrics");
    int port = freePort();
    List<String> command = List.of(binary, "-storageDataPath=" + dir.resolve("data"),
        "-httpListenAddr=127.0.0.1:" + port, "-search.latencyOffset=0s", "-search.disableCache",
        "-retentionPeriod=100y");
    return new Receiver("victoria-metrics", command, dir.resolve("vm.log"), port, "/health",
        "/internal/force_flush").start();
  }

  private static String binary(String file, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, file);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new AssertionError("'" + file + "' is not installed: this test needs the Debian package '" + debianPackage
        + "' (apt-get install -y " + debianPackage + "; bin/test installs it)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts (or restarts, on the same port and data) and waits until it is ready. */
  Receiver start() throws IOException {
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited at start:\n" + Files.readString(log));
      }
      try {
        if (get(readyPath).statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      sleep(100);
    }
    throw new AssertionError(name + " was not ready within 30 s:\n" + Files.readString(log));
  }

  /** Stops it as an operator would (SIGTERM) and waits for the process to end. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  URI writeUrl() {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/write");
  }

  /** PromQL {@code query_range}; the answer's {@code data.result} array. */
  JsonNode queryRange(String promql, long start, long end, long step) {
    flush();
    return query("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start=" + start
        + "&end=" + end + "&step=" + step);
  }

  /** PromQL instant query at {@code time}; the answer's {@code data.result} array. */
  JsonNode query(String promql, long time) {
    flush();
    return query("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + time);
  }

  private JsonNode query(String pathAndQuery) {
    try {
      HttpResponse<String> r = get(pathAndQuery);
      JsonNode body = JSON.readTree(r.body());
      if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
        throw new AssertionError(name + " answered " + r.statusCode() + ": " + r.body());
      }
      return body.path("data").path("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values of a one-series range answer, in time order. */
  static List<Double> values(JsonNode result) {
    List<Double> out = new ArrayList<>();
    if (result.size() == 1) {
      result.get(0).path("values").forEach(v -> out.add(v.get(1).asDouble()));
    }
    return out;
  }

  private void flush() {
    if (flushPath != null) {
      try {
        get(flushPath);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null) {
      try {
        stop();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
