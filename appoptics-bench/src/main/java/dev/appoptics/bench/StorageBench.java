package dev.appoptics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The durable store side by side with VictoriaMetrics, in one run on one machine:
 *
 * <ol>
 *   <li>ingest: the same 300-sample bodies, pre-encoded, posted over 2 and 8 keep-alive connections to the durable
 *       server (sync every second, then sync before answer) as AppOptics JSON, and to VictoriaMetrics as Datadog JSON
 *       ({@code /datadog/api/v1/series}) and Influx line protocol ({@code /write}); a warm-up run before each
 *       measured one; and the durable server under its default policy again, forwarding every sample to a local
 *       remote-write sink with its queue on disk (forwarding's cost, in the same run as the ingest figures);
 *   <li>history: {@code --history} points (one a second for each of 100 series) loaded into a durable server, then a
 *       query of one day at 60 s over the 100 series, a restart after {@code kill -9} and one after a clean stop
 *       (time until the first query is answered), and the bytes per point on disk, against VictoriaMetrics holding
 *       the same points.
 * </ol>
 *
 * <p>{@code java -cp appoptics-bench/target/benchmarks.jar dev.appoptics.bench.StorageBench [--samples 3000000]
 * [--connections 2,8] [--history 10000000] [--queries 50] [--skip-ingest] [--skip-history]
 * [--server-jvm "-Xmx4g"]}
 */
public final class StorageBench {
  private static final int BATCH = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private StorageBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Path work = Files.createTempDirectory("storage-bench");
    System.out.printf("# %s, %d cores, Java %s; data in %s%n", Instant.now(), Runtime.getRuntime()
        .availableProcessors(), System.getProperty("java.version"), work);
    try {
      if (!args.flag("skip-ingest")) {
        ingest(args, work);
      }
      if (!args.flag("skip-history")) {
        history(args, work);
      }
    } finally {
      StorageBenchFiles.delete(work);
    }
  }

  private static void ingest(Args args, Path work) throws Exception {
    long requests = Math.max(1, args.number("samples", 3_000_000) / BATCH);
    long now = Instant.now().getEpochSecond();
    byte[][] appoptics = new byte[16][];
    byte[][] datadog = new byte[16][];
    byte[][] influx = new byte[16][];
    for (int i = 0; i < 16; i++) {
      appoptics[i] = Workload.encodedBatch((long) i * BATCH, BATCH);
      datadog[i] = Workload.datadogBatch((long) i * BATCH, BATCH, now);
      influx[i] = Workload.influxBatch((long) i * BATCH, BATCH);
    }
    System.out.printf("%n## ingest: %,d samples per run in bodies of %d (AppOptics JSON %,d bytes, Datadog JSON %,d,"
        + " Influx %,d)%n", requests * BATCH, BATCH, appoptics[0].length, datadog[0].length, influx[0].length);
    List<String> jvm = args.words("server-jvm", "-Xmx2g");
    for (String c : args.string("connections", "2,8").split(",")) {
      int connections = Integer.parseInt(c.trim());
      for (String sync : List.of("1s", "before-answer")) {
        durable("durable server, sync " + sync, connections, jvm, work.resolve("ingest-" + sync + "-" + connections),
            List.of("--sync", sync), appoptics, requests);
      }
      try (CountingSink sink = new CountingSink()) {
        durable("durable server, sync 1s, forwarding", connections, jvm,
            work.resolve("ingest-forward-" + connections), List.of("--forward-prometheus", sink.writeUrl()), appoptics,
            requests);
        System.out.printf("        (the sink got %,d remote-write requests, %,d bytes)%n", sink.requests(),
            sink.bytes());
      }
      try (VictoriaMetrics vm = VictoriaMetrics.start(work.resolve("vm-datadog-" + connections))) {
        report("VictoriaMetrics, Datadog JSON", connections, new Sender.Target("127.0.0.1", vm.port(),
            "/datadog/api/v1/series", "application/json", Workload.authorization()), datadog, requests, vm::cpuTime);
      }
      try (VictoriaMetrics vm = VictoriaMetrics.start(work.resolve("vm-influx-" + connections))) {
        report("VictoriaMetrics, Influx line protocol", connections, new Sender.Target("127.0.0.1", vm.port(),
            "/write", "text/plain", Workload.authorization()), influx, requests, vm::cpuTime);
      }
    }
  }

  private static void durable(String what, int connections, List<String> jvm, Path dir, List<String> serverArgs,
      byte[][] bodies, long requests) throws Exception {
    List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
    all.addAll(serverArgs);
    try (EmulatorProcess server = EmulatorProcess.start(BenchServer.class.getName(), jvm, all)) {
      Sender.Target target = new Sender.Target(server.host(), server.port(), "/v1/measurements",
          "application/json", Workload.authorization());
      report(what, connections, target, bodies, requests, server::cpuTime);
    }
  }

  /**
   * A warm-up run, then a measured one: the rate, and the server's CPU per sample (its whole process: a busy
   * machine slows the rate down more than it changes the CPU a sample costs).
   */
  private static void report(String what, int connections, Sender.Target target, byte[][] bodies, long requests,
      Supplier<Duration> serverCpu) throws Exception {
    Sender.run(target, i -> bodies[(int) (i % bodies.length)], requests, connections);
    Duration cpu0 = serverCpu.get();
    Sender.Result r = Sender.run(target, i -> bodies[(int) (i % bodies.length)], requests, connections);
    double cpuMicros = serverCpu.get().minus(cpu0).toNanos() / 1e3 / (requests * BATCH);
    System.out.printf("ingest  %-40s %d connections: %,10.0f samples/s (%.2f s, %d failed); server CPU %.2f µs"
        + " per sample%n", what, connections, r.perSecond(BATCH), r.seconds(), r.failed(), cpuMicros);
  }

  private static void history(Args args, Path work) throws Exception {
    long requests = Math.max(1, args.number("history", 10_000_000) / BATCH);
    long points = requests * BATCH;
    long end = Instant.now().getEpochSecond() - 60;
    long start = end - points / Workload.HISTORY_SERIES + 1;
    List<String> jvm = args.words("server-jvm", "-Xmx4g");
    Path dir = work.resolve("history");
    List<String> serverArgs = List.of("--data-dir", dir.toString(), "--max-points", Long.toString(2 * points));
    System.out.printf("%n## history: %,d points, one a second for each of %d series (%s to %s)%n", points,
        Workload.HISTORY_SERIES, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    String query = "/v1/measurements/" + Workload.HISTORY_METRIC + "?resolution=60&start_time=" + (end - 86_400)
        + "&end_time=" + end;

    EmulatorProcess server = EmulatorProcess.start(BenchServer.class.getName(), jvm, serverArgs);
    try {
      Sender.Result load = Sender.run(new Sender.Target(server.host(), server.port(), "/v1/measurements",
          "application/json", Workload.authorization()), i -> Workload.historyBatch(i * BATCH, BATCH, start),
          requests, 2);
      System.out.printf("load    durable server: %,.0f points/s (%.1f s, %d failed)%n", load.perSecond(BATCH),
          load.seconds(), load.failed());
      long heap = server.heapAfterGc();
      System.out.printf("memory  durable server: %,d bytes of heap after a full collection = %.0f bytes per point%n",
          heap, (double) heap / points);
      checkDay(server, query, (int) Math.min(1440, points / Workload.HISTORY_SERIES / 60));
      queryLatency(server, query, (int) args.number("queries", 50));

      server.kill();
      server = restart("after kill -9", jvm, serverArgs, query);
      server.close();
      server = restart("after a clean stop", jvm, serverArgs, query);
    } finally {
      server.close();
    }
    long bytes = StorageBenchFiles.size(dir);
    System.out.printf("disk    durable server: %,d bytes = %.2f bytes per point (measurements.db %,d, log %,d,"
        + " resources.db %,d)%n", bytes, (double) bytes / points,
        StorageBenchFiles.size(dir.resolve("measurements.db")), StorageBenchFiles.size(dir.resolve("log")),
        StorageBenchFiles.size(dir.resolve("resources.db")));

    Path vmData = work.resolve("vm-history");
    try (VictoriaMetrics vm = VictoriaMetrics.start(vmData)) {
      Sender.Result load = Sender.run(new Sender.Target("127.0.0.1", vm.port(), "/write?precision=s", "text/plain",
          Workload.authorization()), i -> Workload.historyInflux(i * BATCH, BATCH, start), requests, 2);
      System.out.printf("load    VictoriaMetrics (Influx): %,.0f points/s (%.1f s, %d failed)%n",
          load.perSecond(BATCH), load.seconds(), load.failed());
      vm.flush();
    } // stopped cleanly, it writes what it holds in memory to its parts
    long vmBytes = StorageBenchFiles.size(vmData);
    System.out.printf("disk    VictoriaMetrics: %,d bytes = %.2f bytes per point%n", vmBytes,
        (double) vmBytes / points);
  }

  /** Restarts the server on its directory; reports the time until it listens and until a query is answered. */
  private static EmulatorProcess restart(String when, List<String> jvm, List<String> serverArgs, String query)
      throws Exception {
    long t0 = System.nanoTime();
    EmulatorProcess server = EmulatorProcess.start(BenchServer.class.getName(), jvm, serverArgs);
    long listening = System.nanoTime();
    try (RawHttp http = new RawHttp(server.host(), server.port())) {
      int status = http.get(query, Workload.authorization());
      if (status != 200) {
        throw new IOException("the first query after the restart answered " + status);
      }
    }
    long answered = System.nanoTime();
    System.out.printf("restart %s: serving again after %.2f s (listening after %.2f s, first query %.0f ms)%n",
        when, (answered - t0) / 1e9, (listening - t0) / 1e9, (answered - listening) / 1e6);
    return server;
  }

  /**
   * Checks once that the query answers 100 series of a day of minutes (fewer when the history is shorter), so that
   * its latency means something.
   */
  private static void checkDay(EmulatorProcess server, String query, int expectedMinutes)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + server.host() + ":" + server.port() + query))
        .header("Authorization", Workload.authorization()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = JSON.readTree(r.body());
    int series = body.path("series").size();
    int minutes = body.path("series").path(0).path("measurements").size();
    if (r.statusCode() != 200 || series != Workload.HISTORY_SERIES || minutes < expectedMinutes) {
      throw new IOException("the day query answered " + r.statusCode() + " with " + series + " series of " + minutes
          + " points");
    }
    System.out.printf("query   answer: %d series x %d points, %,d bytes%n", series, minutes, r.body().length);
  }

  private static void queryLatency(EmulatorProcess server, String query, int n) throws IOException {
    List<Double> ms = new ArrayList<>();
    try (RawHttp http = new RawHttp(server.host(), server.port())) {
      for (int i = 0; i < n + 20; i++) {
        long t0 = System.nanoTime();
        if (http.get(query, Workload.authorization()) != 200) {
          throw new IOException("the day query failed");
        }
        if (i >= 20) {
          ms.add((System.nanoTime() - t0) / 1e6);
        }
      }
    }
    ms.sort(null);
    System.out.printf("query   1 day at 60 s over %d series: median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs after"
        + " 20 warm-up)%n", Workload.HISTORY_SERIES, ms.get(ms.size() / 2),
        ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1), n);
  }
}
