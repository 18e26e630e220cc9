package dev.appoptics.bench;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.SyncPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A durable emulator for the storage benchmark, in a JVM of its own: {@code --data-dir DIR [--sync 1s|before-answer]
 * [--max-points N] [--past-days N] [--forward-prometheus URL]}, forwarding with its queue in {@code DIR/forward}. Prints {@code listening on URI}; on SIGTERM it closes (a last checkpoint, a
 * sync) before it exits.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] argv) throws InterruptedException {
    Args args = new Args(argv);
    Path dataDir = Path.of(args.string("data-dir", "bench-data"));
    AppOpticsEmulator.Builder builder = AppOpticsEmulator.builder()
        .dataDirectory(dataDir)
        .syncPolicy(SyncPolicy.parse(args.string("sync", "1s")))
        .maxPoints(args.number("max-points", 20_000_000))
        .maxSeries(100_000)
        .pastLimit(Duration.ofDays(args.number("past-days", 3)))
        .port(0);
    String forward = args.string("forward-prometheus", "");
    if (!forward.isEmpty()) {
      builder.forwardPrometheus(URI.create(forward)).forwardQueue(dataDir.resolve("forward"), 0);
    }
    AppOpticsEmulator emulator = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "close-store"));
    System.out.println("listening on " + emulator.baseUri());
    Thread.currentThread().join();
  }
}
