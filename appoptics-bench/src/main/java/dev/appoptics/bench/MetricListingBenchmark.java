package dev.appoptics.bench;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.internal.EmulatorSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code GET /v1/metrics} with the emulator full: as many metrics as the default metric limit allows (100,000),
 * one page of 100 at the first, middle and last offset, ascending or descending, without and with a name filter.
 * The target is under 10 ms per page at the limit; each call is a real request over loopback.
 *
 * <pre>
 * java -jar appoptics-bench/target/benchmarks.jar MetricListingBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class MetricListingBenchmark {
  private static final int METRICS = EmulatorSettings.DEFAULT_MAX_METRICS;
  private static final int PER_POST = 1_000;

  @Param({"0", "50000", "99900"})
  public int offset;

  @Param({"asc", "desc"})
  public String sort;

  /** A name filter: none, or a substring every name has (the filtered path at full size). */
  @Param({"", "metric."})
  public String name;

  private AppOpticsEmulator emulator;
  private HttpClient client;
  private HttpRequest page;

  @Setup(Level.Trial)
  public void fill() throws IOException, InterruptedException {
    emulator = AppOpticsEmulator.builder().maxSeries(METRICS).start();
    client = HttpClient.newHttpClient();
    long now = System.currentTimeMillis() / 1000;
    for (int from = 0; from < METRICS; from += PER_POST) {
      StringBuilder body = new StringBuilder("{\"time\":").append(now).append(",\"tags\":{\"host\":\"a\"},")
          .append("\"measurements\":[");
      for (int i = from; i < from + PER_POST; i++) {
        // mixed case, so ordering ignores case as the API's does
        body.append(i == from ? "" : ",").append("{\"name\":\"").append(i % 2 == 0 ? "App" : "app")
            .append(".metric.").append(i).append("\",\"value\":1}");
      }
      HttpResponse<String> r = client.send(request("measurements")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 202) {
        throw new IllegalStateException("filling the emulator failed: " + r.statusCode() + " " + r.body());
      }
    }
    page = request("metrics?length=100&offset=" + offset + "&sort=" + sort + (name.isEmpty() ? "" : "&name=" + name))
        .GET().build();
    String first = listPage();
    if (!first.contains("\"total\":" + METRICS)) {
      throw new IllegalStateException("expected " + METRICS + " metrics: " + first.substring(0, 200));
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(emulator.baseUri().resolve(path)).header("Authorization", Workload.authorization());
  }

  @TearDown(Level.Trial)
  public void stop() {
    emulator.close();
  }

  @Benchmark
  public String listPage() throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(page, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("listing failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
