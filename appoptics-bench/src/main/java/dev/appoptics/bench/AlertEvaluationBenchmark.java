package dev.appoptics.bench;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.ManualClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One alert evaluation of 1,000 alerts over 10,000 series (100 metrics × 100 hosts), every series reporting once a
 * minute, after an hour of history. Each invocation moves the emulator's clock one minute on and adds that minute's
 * point to every series (neither is timed), then evaluates every alert: the time per evaluation divided by the
 * 60-second interval is the share of one core that alert evaluation takes.
 *
 * <p>Ten alerts per metric mix what evaluation meets: thresholds on every host and on a tenth of them, durations,
 * below, absent, a grouped sum, a derivative, a two-condition alert and rearm per signal. Values wander so that some
 * alerts trigger and clear as minutes pass; every alert notifies a {@code mail} service, which builds each payload
 * and records it as undelivered (no network in the measurement).
 *
 * <p>On a busy machine the time per evaluation includes waiting for a core; each iteration therefore also prints the
 * evaluating thread's own CPU time per evaluation, which is what the target (under 10 % of one core) is about.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class AlertEvaluationBenchmark {
  static final int METRICS = 100;
  static final int HOSTS = 100;
  static final int HISTORY_MINUTES = 60;
  private static final long T0 = 1_700_000_040L;
  private static final int BATCH = 500;

  private final ManualClock clock = ManualClock.atEpochSecond(T0);
  private AppOpticsEmulator emulator;
  private RawHttp http;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private long minute;
  private long cpuNanos;
  private long evaluations;

  @Setup(Level.Trial)
  public void start() throws IOException {
    emulator = AppOpticsEmulator.builder().clock(clock).alertInterval(Duration.ZERO).maxPoints(50_000_000).start();
    http = new RawHttp("127.0.0.1", emulator.port());
    post("/v1/services", "{\"type\":\"mail\",\"title\":\"ops\",\"settings\":{\"addresses\":\"ops@example.com\"}}");
    for (int m = 0; m < METRICS; m++) {
      for (String alert : alerts(m)) {
        post("/v1/alerts", alert);
      }
    }
    for (int i = 0; i < HISTORY_MINUTES; i++) {
      nextMinute();
      emulator.evaluateAlerts();
    }
  }

  @Setup(Level.Invocation)
  public void nextMinute() throws IOException {
    minute++;
    clock.setEpochSecond(T0 + minute * 60);
    long time = T0 + minute * 60 - 1;
    StringBuilder body = new StringBuilder();
    int inBatch = 0;
    for (int m = 0; m < METRICS; m++) {
      for (int h = 0; h < HOSTS; h++) {
        body.append(inBatch == 0 ? "{\"time\":" + time + ",\"measurements\":[" : ",");
        body.append("{\"name\":\"").append(metric(m)).append("\",\"value\":").append(value(m, h, minute))
            .append(",\"tags\":{\"host\":\"h").append(h).append("\"}}");
        if (++inBatch == BATCH) {
          post("/v1/measurements", body.append("]}").toString());
          body.setLength(0);
          inBatch = 0;
        }
      }
    }
  }

  @Benchmark
  public void evaluate() {
    long cpu = THREADS.getCurrentThreadCpuTime();
    emulator.evaluateAlerts();
    cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    evaluations++;
  }

  @TearDown(Level.Iteration)
  public void reportCpu() throws IOException, InterruptedException {
    HttpResponse<String> status = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(emulator.baseUri().resolve("alerts/status"))
            .header("Authorization", Workload.authorization()).build(),
        HttpResponse.BodyHandlers.ofString());
    long firing = status.body().split("triggered_at", -1).length - 1;
    System.out.printf(Locale.ROOT, "%n  thread CPU per evaluation: %.1f ms over %d evaluations (%.2f %% of a core at"
        + " one evaluation a minute); %d alerts firing%n", cpuNanos / 1e6 / evaluations, evaluations,
        cpuNanos / 1e6 / evaluations / 60_000 * 100, firing);
    cpuNanos = 0;
    evaluations = 0;
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    http.close();
    emulator.close();
  }

  static String metric(int m) {
    return "bench.alert.m" + m;
  }

  /** A value between 0 and 100 that drifts by host, metric and minute, so alerts trigger and clear over time. */
  static int value(int m, long h, long minute) {
    return (int) ((h * 37 + m * 11 + minute * 7) % 101);
  }

  private static List<String> alerts(int m) {
    String metric = metric(m);
    String all = "\"tags\":[{\"name\":\"host\",\"grouped\":false,\"values\":[\"*\"]}]";
    String tenth = "\"tags\":[{\"name\":\"host\",\"grouped\":false,\"values\":[\"h1*\"]}]";
    String grouped = "\"tags\":[{\"name\":\"host\",\"grouped\":true,\"values\":[\"*\"]}]";
    String next = metric(m == METRICS - 1 ? 0 : m + 1);
    List<String> conditions = List.of(
        condition("above", metric, "\"threshold\":97," + all),
        condition("above", metric, "\"threshold\":50,\"duration\":300," + tenth),
        condition("below", metric, "\"threshold\":5,\"duration\":120," + all),
        condition("absent", metric, "\"duration\":600," + all),
        condition("above", metric, "\"threshold\":5500,\"summary_function\":\"sum\"," + grouped),
        condition("above", metric, "\"threshold\":60,\"summary_function\":\"derivative\"," + tenth),
        condition("above", metric, "\"threshold\":98,\"summary_function\":\"max\"," + all),
        condition("below", metric, "\"threshold\":2," + tenth),
        condition("above", metric, "\"threshold\":90," + all) + ","
            + condition("below", next, "\"threshold\":10," + all),
        condition("above", metric, "\"threshold\":95," + all));
    List<String> out = new ArrayList<>();
    for (int k = 0; k < conditions.size(); k++) {
      out.add("{\"name\":\"bench.alert." + m + "." + k + "\",\"services\":[1],\"rearm_per_signal\":" + (k == 9)
          + ",\"conditions\":[" + conditions.get(k) + "]}");
    }
    return out;
  }

  private static String condition(String type, String metric, String fields) {
    return "{\"type\":\"" + type + "\",\"metric_name\":\"" + metric + "\"," + fields + "}";
  }

  private void post(String path, String json) throws IOException {
    int status = http.post(path, json.getBytes(StandardCharsets.UTF_8), Workload.authorization());
    if (status / 100 != 2) {
      throw new IllegalStateException("POST " + path + " answered " + status + " to " + json);
    }
  }
}
