package dev.appoptics.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * VictoriaMetrics (the Debian package {@code victoria-metrics}, {@code /usr/bin/victoria-metrics}) in a process of its
 * own, on a free port with its data in a directory of the caller's: the durable peer the storage benchmark measures
 * against.
 */
final class VictoriaMetrics implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/victoria-metrics");

  private final Process process;
  private final int port;

  private VictoriaMetrics(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static VictoriaMetrics start(Path data) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is missing: install the Debian package victoria-metrics");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder(BINARY.toString(), "-storageDataPath", data.toString(),
        "-httpListenAddr", "127.0.0.1:" + port, "-retentionPeriod", "100y", "-loggerLevel", "ERROR")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    VictoriaMetrics vm = new VictoriaMetrics(p, port);
    for (int i = 0; i < 200; i++) {
      if (vm.get("/health") == 200) {
        return vm;
      }
      Thread.sleep(50);
    }
    vm.close();
    throw new IOException("VictoriaMetrics did not answer /health on port " + port);
  }

  int port() {
    return port;
  }

  /** CPU time the process has used so far. */
  java.time.Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElseThrow(
        () -> new IllegalStateException("this platform does not report a process's CPU time"));
  }

  /** Writes what it holds in memory to its data directory. */
  void flush() throws IOException, InterruptedException {
    get("/internal/force_flush");
  }

  private int get(String path) throws IOException, InterruptedException {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.net.ConnectException e) {
      return -1;
    }
  }

  /** Stops it (SIGTERM), which writes what it holds in memory to disk, and waits until it has. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
