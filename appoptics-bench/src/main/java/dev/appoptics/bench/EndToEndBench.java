package dev.appoptics.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.HttpEngine;
import dev.appoptics.metrics.Queue;
import dev.appoptics.metrics.Reporter;
import dev.appoptics.metrics.ReporterStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The client end to end: N measurements (default 10^6) added and submitted through the client to an emulator running
 * in another JVM; reports measurements/s, peak heap and CPU of this JVM, and checks that the emulator accepted them all.
 *
 * <pre>
 * java -cp appoptics-bench/target/benchmarks.jar dev.appoptics.bench.EndToEndBench \
 *     [--n 1000000] [--warmup 3000000] [--mode reporter|queue] [--engine apache|jdk] [--threads 2] [--reps 3]
 *     [--batch 500] [--in-flight 4] [--gzip-threshold -1] [--spool-first [DIR]]
 * </pre>
 *
 * <p>{@code queue}: each producer thread owns a {@code Queue} and submits every 300 (what the Python library does, in
 * Java). {@code reporter}: the producer threads share one {@code Reporter}, kept for the whole run (warm-up and
 * repetitions, as a service keeps one); a repetition ends when {@code flush()} returns. {@code --port P} uses an
 * emulator already running on P instead of starting one (the Python side-by-side script can then use the same one).
 * {@code --spool-first} makes the reporter write every batch to a spool before sending it (in DIR, or a temporary
 * directory deleted afterwards), to measure what that durability costs.
 */
public final class EndToEndBench {
  private EndToEndBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    long n = args.number("n", 1_000_000);
    String mode = args.string("mode", "reporter");
    HttpEngine engine = HttpEngine.valueOf(args.string("engine", "apache").toUpperCase(Locale.ROOT));
    int threads = (int) args.number("threads", 2);
    int reps = (int) args.number("reps", 3);
    // Unmeasured runs first: on 2 cores the JIT compiler is still busy for the first few seconds (see PERFORMANCE.md)
    long warmup = args.number("warmup", 3 * n);
    int port = (int) args.number("port", -1);
    EmulatorProcess owned = port >= 0 ? null
        : EmulatorProcess.start(0, args.words("emulator-jvm", "-Xmx3g"), List.of());
    String base = owned != null ? owned.baseUri() : "http://127.0.0.1:" + port + "/v1/";
    try {
      AppOptics.Builder builder = AppOptics.builder().token(Workload.TOKEN).baseUri(base).httpEngine(engine);
      long gzip = args.number("gzip-threshold", -1);
      if (gzip >= 0) {
        builder.gzipThreshold((int) gzip);
      }
      try (AppOptics api = builder.build()) {
        System.out.printf("end-to-end: %s, %s engine, %d producer threads, n=%,d, emulator %s%n", mode, engine,
            threads, n, base);
        EmulatorCount count = new EmulatorCount(api);
        try (Client client = client(api, mode, threads, args)) {
          client.send(warmup);
          long before = count.accepted();
          for (int r = 1; r <= reps; r++) {
            Result res;
            try (HeapWatcher heap = new HeapWatcher()) {
              long cpu0 = cpuNanos();
              long t0 = System.nanoTime();
              client.send(n);
              double secs = (System.nanoTime() - t0) / 1e9;
              res = new Result(n / secs, secs, heap.peakUsedBytes(), heap.peakLiveBytes(), (cpuNanos() - cpu0) / 1e9);
            }
            long after = count.accepted();
            long stored = after - before;
            before = after;
            System.out.printf("java %s %s rep %d: %,d measurements in %.2f s = %,.0f measurements/s; peak heap %,d MB"
                    + " (live after GC %s); client CPU %.1f s; emulator accepted %,d%s%n", mode, engine, r, n,
                res.secs, res.rate, res.peakHeap >> 20,
                res.peakLive == 0 ? "n/a: no GC" : (res.peakLive >> 20) + " MB", res.cpuSecs, stored,
                stored == n ? " (all)" : " MISMATCH");
          }
        }
      }
    } finally {
      if (owned != null) {
        owned.close();
      }
    }
  }

  private record Result(double rate, double secs, long peakHeap, long peakLive, double cpuSecs) {}

  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Sends N measurements and returns once the emulator has acknowledged them all. */
  private interface Client extends AutoCloseable {
    void send(long n) throws Exception;

    @Override
    void close();
  }

  private static Client client(AppOptics api, String mode, int threads, Args args) throws IOException {
    switch (mode) {
      case "queue":
        return new Client() {
          @Override
          public void send(long n) throws Exception {
            runQueues(api, threads, n);
          }

          @Override
          public void close() {}
        };
      case "reporter":
        return reporterClient(api, threads, args);
      default:
        throw new IllegalArgumentException("--mode must be queue or reporter, was '" + mode + "'");
    }
  }

  private static void runQueues(AppOptics api, int threads, long n) throws Exception {
    parallel(threads, n, (from, to) -> {
      try (Queue q = api.newQueue()) {
        for (long i = from; i < to; i++) {
          q.add(Workload.name(i), Workload.value(i), Workload.tags(i));
          if (q.size() >= 300) {
            q.submit();
          }
        }
      }
    });
  }

  /** One reporter for the whole run, as a service keeps one: each send adds from the producer threads, then flushes. */
  private static Client reporterClient(AppOptics api, int threads, Args args) throws IOException {
    Reporter.Builder b = Reporter.builder(api);
    String spoolFirst = args.string("spool-first", "");
    Path spool = null;
    if (!spoolFirst.isEmpty()) {
      spool = spoolFirst.equals("true") ? Files.createTempDirectory("appoptics-bench-spool") : Path.of(spoolFirst);
      b.spool(spool).spoolFirst(true);
      System.out.println("spool first, spool in " + spool);
    }
    Path ownSpool = spoolFirst.equals("true") ? spool : null;
    int batch = (int) args.number("batch", 0);
    int inFlight = (int) args.number("in-flight", 0);
    if (batch > 0) {
      b.batchSize(batch);
    }
    if (inFlight > 0) {
      b.maxInFlight(inFlight);
    }
    Reporter reporter = b.build();
    return new Client() {
      @Override
      public void send(long n) throws Exception {
        ReporterStats before = reporter.stats();
        parallel(threads, n, (from, to) -> {
          for (long i = from; i < to; i++) {
            reporter.add(Workload.name(i), Workload.value(i), Workload.tags(i));
          }
        });
        reporter.flush();
        ReporterStats after = reporter.stats();
        if (after.sent() - before.sent() != n || after.failed() != before.failed()
            || after.dropped() != before.dropped()) {
          System.out.println("reporter did not send everything: " + after);
        }
      }

      @Override
      public void close() {
        reporter.close();
        if (ownSpool != null) {
          try (Stream<Path> left = Files.list(ownSpool)) {
            for (Path p : left.toList()) {
              Files.delete(p);
            }
            Files.delete(ownSpool);
          } catch (IOException e) {
            System.out.println("could not delete " + ownSpool + ": " + e);
          }
        }
      }
    };
  }

  private interface Range {
    void run(long from, long to) throws Exception;
  }

  private static void parallel(int threads, long n, Range range) throws Exception {
    List<Thread> list = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long from = n * t / threads;
      long to = n * (t + 1) / threads;
      Thread th = new Thread(() -> {
        try {
          range.run(from, to);
        } catch (Throwable e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      }, "producer-" + t);
      list.add(th);
      th.start();
    }
    for (Thread th : list) {
      th.join();
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("a producer failed", errors.get(0));
    }
  }
}
