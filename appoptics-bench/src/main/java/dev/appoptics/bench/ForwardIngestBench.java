package dev.appoptics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingest with forwarding on against ingest without it, in one run on one machine: the same pre-encoded batches as
 * {@link IngestBench}, POSTed from several threads to a fresh emulator process each time, alternately without
 * forwarding and with {@code --forward-prometheus} to a sink (a fast local {@link CountingSink} unless {@code --sink
 * URL} names a real receiver, e.g. VictoriaMetrics) with the queue on disk. Each process first ingests {@code
 * --warmups} unmeasured warm-up runs (1). Reports both rates, their ratio, the emulator's CPU per measurement (in
 * all and by thread group), and how long forwarding took after ingest ended to deliver the rest (the time until the
 * sink went quiet, with the local sink only).
 *
 * <p>{@code java -cp appoptics-bench/target/benchmarks.jar dev.appoptics.bench.ForwardIngestBench [--n 1000000]
 * [--batch 300] [--threads 2] [--reps 3] [--warmups 1] [--sink URL] [--forward-args "--forward-sync-each"]
 * [--emulator-jvm "-Xmx2g"] [--forward-emulator-jvm "-XX:StartFlightRecording=filename=f.jfr"]}
 */
public final class ForwardIngestBench {
  private ForwardIngestBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    IngestBench.Load load = IngestBench.Load.of(args);
    int batch = load.batch();
    int threads = load.threads();
    int reps = load.reps();
    int requests = load.requests();
    byte[][] bodies = load.bodies();
    int warmups = (int) args.number("warmups", 1);
    try (CountingSink local = args.string("sink", "").isEmpty() ? new CountingSink() : null) {
      String sink = local != null ? local.writeUrl() : args.string("sink", "");
      System.out.printf("%d requests of %d measurements, %d threads, forwarding to %s%n", requests, batch, threads,
          sink);
      List<Double> ratios = new ArrayList<>();
      for (int r = 1; r <= reps; r++) {
        double plain = ingest(List.of(), jvm(args, ""), bodies, batch, requests, threads, warmups, null);
        Path queue = Files.createTempDirectory("forward-bench");
        List<String> forward = new ArrayList<>(List.of("--forward-prometheus", sink, "--forward-queue-dir",
            queue.toString()));
        String extra = args.string("forward-args", "").trim();
        if (!extra.isEmpty()) {
          forward.addAll(List.of(extra.split("\\s+")));
        }
        double forwarding = ingest(forward, jvm(args, "forward-"), bodies, batch, requests, threads, warmups, local);
        ratios.add(forwarding / plain);
        System.out.printf("rep %d: without forwarding %,.0f measurements/s; with forwarding %,.0f/s = %.0f %%%n", r,
            plain, forwarding, 100 * forwarding / plain);
      }
      System.out.printf("ratios: %s%n", ratios.stream().map(x -> String.format("%.0f %%", 100 * x)).toList());
    }
  }

  /** JVM options of the emulator process: {@code --emulator-jvm} (default -Xmx2g), and for the forwarding run also
   * {@code --forward-emulator-jvm} (a profiler, say). */
  private static List<String> jvm(Args args, String prefix) {
    List<String> out = new ArrayList<>(args.words("emulator-jvm", "-Xmx2g"));
    if (!prefix.isEmpty() && !args.string(prefix + "emulator-jvm", "").isBlank()) {
      out.addAll(args.words(prefix + "emulator-jvm", ""));
    }
    return out;
  }

  /** One fresh emulator process: {@code warmups} warm-up runs, then the measured run; returns measurements per
   * second. */
  private static double ingest(List<String> emulatorArgs, List<String> jvm, byte[][] bodies, int batch,
      int requests, int threads, int warmups, CountingSink sink) throws Exception {
    try (EmulatorProcess emulator = EmulatorProcess.start(0, jvm, emulatorArgs)) {
      for (int w = 0; w < warmups; w++) {
        IngestBench.run(emulator, bodies, Math.max(1000, requests), threads);
      }
      long cpu0 = emulator.cpuTime().toNanos();
      Map<String, Long> threads0 = emulator.threadCpu();
      long t0 = System.nanoTime();
      long ok = IngestBench.run(emulator, bodies, requests, threads);
      long t1 = System.nanoTime();
      if (ok != requests) {
        System.out.printf("  %d of %d requests were not answered 2xx%n", requests - ok, requests);
      }
      if (sink != null) {
        while (System.nanoTime() - sink.lastRequestNanos() < 2_000_000_000L) {
          Thread.sleep(100);
        }
        System.out.printf("  forwarding: delivered %.2f s after ingest ended; sink total %,d requests, %,d bytes%n",
            Math.max(0, sink.lastRequestNanos() - t1) / 1e9, sink.requests(), sink.bytes());
      }
      System.out.printf("  %s: emulator CPU %.2f µs per measurement (forwarding included)%n",
          emulatorArgs.isEmpty() ? "without forwarding" : "with forwarding",
          (emulator.cpuTime().toNanos() - cpu0) / 1e3 / ((long) requests * batch));
      System.out.printf("    by thread, µs per measurement: %s%n",
          ThreadCpu.perUnit(threads0, emulator.threadCpu(), (long) requests * batch));
      return (double) requests * batch / ((t1 - t0) / 1e9);
    }
  }
}
