package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Measurement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip every remote-write receiver must pass: measurements submitted through the AppOptics API as JSON,
 * through this project's client, and as the Python library's queue sends them (sum plus count 1) are forwarded,
 * then read back with PromQL {@code query_range}: the same values at the same times, with the labels the mapping
 * promises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ForwardingRoundTrip {
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  Receiver receiver;

  abstract Receiver startReceiver(Path dir) throws Exception;

  @BeforeAll
  void startTheReceiver(@TempDir Path dir) throws Exception {
    receiver = startReceiver(dir);
  }

  @AfterAll
  void stopTheReceiver() throws Exception {
    receiver.close();
  }

  static void postJson(URI base, String json) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("measurements"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("t:".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  /** Waits until {@code promql} has {@code n} points over {@code [from, from + n - 1]}, then returns the answer. */
  JsonNode awaitRange(String promql, long from, int n) {
    JsonNode[] result = new JsonNode[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      result[0] = receiver.queryRange(promql, from, from + n - 1, 1);
      return Receiver.values(result[0]).size() == n;
    });
    return result[0];
  }

  static Map<String, String> labels(JsonNode result) {
    Map<String, String> out = new TreeMap<>();
    result.get(0).path("metric").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  @Test
  void valuesAndLabelsComeBackEqualWhicheverWayTheyWereSubmitted() throws Exception {
    long t0 = Instant.now().getEpochSecond() - 900;
    int n = 10;
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().forwardPrometheus(receiver.writeUrl()).start();
        AppOptics client = AppOptics.builder().token("t").baseUri(emulator.baseUri().toString()).build()) {
      StringBuilder api = new StringBuilder("{\"measurements\":[");
      StringBuilder python = new StringBuilder("{\"measurements\":[");
      List<Measurement> viaClient = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String sep = i == 0 ? "" : ",";
        api.append(sep).append("{\"name\":\"rt.api-value\",\"value\":").append(i * 1.5).append(",\"time\":")
            .append(t0 + i).append(",\"tags\":{\"host\":\"web-1\",\"zone.name\":\"eu-1\"}},")
            .append("{\"name\":\"rt.api.summary\",\"count\":4,\"sum\":").append(40 + i).append(",\"min\":1,\"max\":")
            .append(20 + i).append(",\"last\":").append(i).append(",\"time\":").append(t0 + i)
            .append(",\"tags\":{\"host\":\"web-1\"}}");
        python.append(sep).append("{\"name\":\"rt.python\",\"sum\":").append(100 + i).append(",\"count\":1,\"time\":")
            .append(t0 + i).append(",\"tags\":{\"service\":\"py\"}}");
        viaClient.add(Measurement.builder("rt.client").value(i * 0.25).tag("host", "web-2")
            .time(Instant.ofEpochSecond(t0 + i)).build());
      }
      postJson(emulator.baseUri(), api.append("]}").toString());
      postJson(emulator.baseUri(), python.append("]}").toString());
      client.submit(viaClient);

      JsonNode value = awaitRange("rt_api_value", t0, n);
      assertThat(labels(value)).isEqualTo(Map.of("__name__", "rt_api_value", "appoptics_name", "rt.api-value",
          "host", "web-1", "zone_name", "eu-1"));
      assertThat(Receiver.values(value)).isEqualTo(expected(n, i -> i * 1.5));

      assertThat(Receiver.values(awaitRange("rt_api_summary", t0, n))).isEqualTo(expected(n, i -> i));
      assertThat(Receiver.values(awaitRange("rt_api_summary_count", t0, n))).isEqualTo(expected(n, i -> 4));
      assertThat(Receiver.values(awaitRange("rt_api_summary_sum", t0, n))).isEqualTo(expected(n, i -> 40 + i));
      assertThat(Receiver.values(awaitRange("rt_api_summary_min", t0, n))).isEqualTo(expected(n, i -> 1));
      assertThat(Receiver.values(awaitRange("rt_api_summary_max", t0, n))).isEqualTo(expected(n, i -> 20 + i));

      JsonNode pythonStyle = awaitRange("rt_python", t0, n);
      assertThat(labels(pythonStyle)).isEqualTo(Map.of("__name__", "rt_python", "appoptics_name", "rt.python",
          "service", "py"));
      assertThat(Receiver.values(pythonStyle)).isEqualTo(expected(n, i -> 100 + i));
      assertThat(receiver.query("rt_python_count", t0 + n)).as("a value sent the Python way is one sample").isEmpty();

      JsonNode viaOurClient = awaitRange("rt_client", t0, n);
      assertThat(labels(viaOurClient)).isEqualTo(Map.of("__name__", "rt_client", "appoptics_name", "rt.client",
          "host", "web-2"));
      assertThat(Receiver.values(viaOurClient)).isEqualTo(expected(n, i -> i * 0.25));
    }
  }

  static List<Double> expected(int n, java.util.function.IntToDoubleFunction f) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(f.applyAsDouble(i));
    }
    return out;
  }
}
