package dev.appoptics.bench;

import java.util.List;

/**
 * How fast the emulator ingests measurements: pre-encoded batches POSTed over keep-alive sockets from several threads
 * to an emulator in another JVM, so that no client library's cost is counted. Reports the rate and the emulator
 * process's CPU time per measurement (its JIT compiler and GC included).
 *
 * <p>{@code java -cp appoptics-bench/target/benchmarks.jar dev.appoptics.bench.IngestBench [--n 1000000]
 * [--batch 300] [--threads 2] [--reps 3]}
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Load load = Load.of(args);
    int batch = load.batch();
    int threads = load.threads();
    int reps = load.reps();
    int requests = load.requests();
    byte[][] bodies = load.bodies();
    try (EmulatorProcess emulator = EmulatorProcess.start(0, args.words("emulator-jvm", "-Xmx2g"),
        List.of())) {
      System.out.printf("emulator on %s, %d requests of %d measurements, %d threads%n", emulator.baseUri(),
          requests, batch, threads);
      run(emulator, bodies, Math.max(1000, requests), threads); // warm-up: one whole unmeasured run (JIT)
      for (int r = 1; r <= reps; r++) {
        long cpu0 = emulator.cpuTime().toNanos();
        long t0 = System.nanoTime();
        long ok = run(emulator, bodies, requests, threads);
        double secs = (System.nanoTime() - t0) / 1e9;
        long measurements = (long) requests * batch;
        double cpuMicros = (emulator.cpuTime().toNanos() - cpu0) / 1e3 / measurements;
        System.out.printf("ingest rep %d: %,d measurements in %.2f s = %,.0f measurements/s (%d non-2xx);"
                + " emulator CPU %.2f µs per measurement%n", r, measurements, secs, measurements / secs,
            requests - ok, cpuMicros);
      }
    }
  }

  /**
   * What an ingest benchmark sends: {@code --n} measurements (default 10^6) in pre-encoded batches of {@code --batch}
   * (300), from {@code --threads} (2) threads, {@code --reps} (3) times.
   */
  record Load(int batch, int threads, int reps, int requests, byte[][] bodies) {
    static Load of(Args args) {
      long n = args.number("n", 1_000_000);
      int batch = (int) args.number("batch", 300);
      byte[][] bodies = new byte[16][];
      for (int i = 0; i < bodies.length; i++) {
        bodies[i] = Workload.encodedBatch((long) i * batch, batch);
      }
      return new Load(batch, (int) args.number("threads", 2), (int) args.number("reps", 3),
          (int) ((n + batch - 1) / batch), bodies);
    }
  }

  /** Sends {@code requests} batches from {@code threads} threads; returns how many were answered 2xx. */
  static long run(EmulatorProcess emulator, byte[][] bodies, int requests, int threads) throws Exception {
    Sender.Target target = new Sender.Target(emulator.host(), emulator.port(), "/v1/measurements",
        "application/json", Workload.authorization());
    Sender.Result r = Sender.run(target, i -> bodies[(int) (i % bodies.length)], requests, threads);
    return r.requests() - r.failed();
  }
}
