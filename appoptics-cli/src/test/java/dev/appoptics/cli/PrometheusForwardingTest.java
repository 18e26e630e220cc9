package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Measurement;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding to Prometheus 2.42 started by the test: the round trip, an outage, the export, the command's flags. */
class PrometheusForwardingTest extends ForwardingRoundTrip {
  @Override
  Receiver startReceiver(Path dir) throws Exception {
    return Receiver.prometheus(dir);
  }

  @Test
  void nothingIsLostWhenPrometheusStopsMidStreamAndComesBack(@TempDir Path queue) throws Exception {
    long t0 = Instant.now().getEpochSecond() - 1200;
    int batches = 30;
    int perBatch = 10;
    int n = batches * perBatch;
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().forwardPrometheus(receiver.writeUrl())
            .forwardQueue(queue, 0).start();
        AppOptics client = AppOptics.builder().token("t").baseUri(emulator.baseUri().toString()).build()) {
      for (int b = 0; b < batches; b++) {
        if (b == batches / 3) {
          receiver.stop();
        }
        if (b == 2 * batches / 3) {
          Thread.sleep(500); // the forwarder meets the closed port and backs off while the stream goes on
          receiver.start();
        }
        List<Measurement> batch = new ArrayList<>();
        for (int i = b * perBatch; i < (b + 1) * perBatch; i++) {
          batch.add(Measurement.builder("outage.count").value(i).tag("host", "a")
              .time(Instant.ofEpochSecond(t0 + i)).build());
        }
        client.submit(batch);
      }

      long end = t0 + n;
      await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
          receiver.query("count_over_time(outage_count[30m])", end).path(0).path("value").path(1).asInt() == n);
      double sum = receiver.query("sum_over_time(outage_count[30m])", end).path(0).path("value").path(1).asDouble();
      assertThat(sum).isEqualTo(n * (n - 1) / 2.0);
    }
  }

  @Test
  void exportReplaysStoredHistoryAsSummariesAtTheirResolution() throws Exception {
    long t0 = Instant.now().getEpochSecond() - 3 * 3600;
    int n = 20;
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().pastLimit(Duration.ofHours(4)).start()) {
      StringBuilder body = new StringBuilder("{\"measurements\":[");
      for (int i = 0; i < n; i++) {
        body.append(i == 0 ? "" : ",").append("{\"name\":\"hist.load\",\"value\":").append(i + 0.5)
            .append(",\"time\":").append(t0 + i).append(",\"tags\":{\"host\":\"h1\"}},")
            .append("{\"name\":\"hist.load\",\"value\":").append(2 * i).append(",\"time\":").append(t0 + i)
            .append(",\"tags\":{\"host\":\"h1\"}}");
      }
      postJson(emulator.baseUri(), body.append("]}").toString());

      CliRun run = CliRun.against(emulator.baseUri(), "t", "", "export", "--to-prometheus",
          receiver.writeUrl().toString(), "--from", Long.toString(t0 - 60), "--to", Long.toString(t0 + 600));

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("exported 1 metrics, " + n + " buckets: " + 5 * n + " samples accepted, 0 refused");
      assertThat(Receiver.values(awaitRange("hist_load_count", t0, n))).isEqualTo(expected(n, i -> 2));
      assertThat(Receiver.values(awaitRange("hist_load_sum", t0, n))).isEqualTo(expected(n, i -> 3 * i + 0.5));
      assertThat(Receiver.values(awaitRange("hist_load_min", t0, n))).isEqualTo(expected(n, i -> Math.min(i + 0.5,
          2 * i)));
      assertThat(Receiver.values(awaitRange("hist_load_max", t0, n))).isEqualTo(expected(n, i -> Math.max(i + 0.5,
          2 * i)));
      assertThat(labels(awaitRange("hist_load", t0, n))).isEqualTo(Map.of("__name__", "hist_load",
          "appoptics_name", "hist.load", "host", "h1"));
      assertThat(Receiver.values(awaitRange("hist_load", t0, n))).as("each bucket's last").isEqualTo(expected(n,
          i -> 2 * i));
    }
  }

  @Test
  void theEmulatorCommandForwardsWithItsFlag() throws Exception {
    StringWriter out = new StringWriter();
    Thread server = new Thread(() -> Main.run(
        new String[] {"emulator", "--port", "0", "--forward-prometheus", receiver.writeUrl().toString()},
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), new ByteArrayInputStream(new byte[0]),
        Map.of()));
    server.start();
    try {
      await().atMost(WAIT).until(() -> out.toString().contains("press Ctrl-C"));
      Matcher m = Pattern.compile("listening on (\\S+)").matcher(out.toString());
      assertThat(m.find()).isTrue();
      long t = Instant.now().getEpochSecond() - 30;
      CliRun submit = CliRun.run("submit", "via.command", "7", "--tag", "k=v", "--time", Long.toString(t),
          "--endpoint", m.group(1), "--token", "t");
      assertThat(submit.exitCode()).as(submit.toString()).isZero();

      assertThat(Receiver.values(awaitRange("via_command", t, 1))).containsExactly(7.0);
    } finally {
      server.interrupt();
      server.join(30_000);
    }
  }
}
