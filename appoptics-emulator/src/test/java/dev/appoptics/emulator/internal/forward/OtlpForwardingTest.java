package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.appoptics.emulator.AppOpticsEmulator;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Forwarding as OTLP/HTTP, decoded at a local receiver with the official OpenTelemetry proto classes. */
class OtlpForwardingTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static int post(URI base, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("measurements"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("t:".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void gaugesPerMetricWithSummariesAsSeparateGaugesAndTagsAsAttributes() throws Exception {
    long t = Instant.now().getEpochSecond() - 60;
    try (TestReceiver receiver = new TestReceiver();
        AppOpticsEmulator emulator = AppOpticsEmulator.builder().forwardOtlp(receiver.uri("/v1/metrics")).start()) {
      int status = post(emulator.baseUri(), "{\"time\":" + t + ",\"measurements\":["
          + "{\"name\":\"cpu.load\",\"value\":0.75,\"tags\":{\"host\":\"web1\"},"
          + "\"attributes\":{\"display_units_short\":\"%\"}},"
          + "{\"name\":\"lat.ms\",\"count\":4,\"sum\":100,\"min\":10,\"max\":40,\"tags\":{\"host\":\"web1\"}},"
          + "{\"name\":\"py.value\",\"sum\":7,\"count\":1,\"tags\":{\"host\":\"web2\"}}]}");
      assertThat(status).isEqualTo(202);

      await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
      TestReceiver.Request request = receiver.accepted().get(0);
      assertThat(request.header("Content-Type")).isEqualTo("application/x-protobuf");
      ExportMetricsServiceRequest export = ExportMetricsServiceRequest.parseFrom(request.body());

      assertThat(export.getResourceMetrics(0).getResource().getAttributesList())
          .anySatisfy(kv -> assertThat(kv.getKey()).isEqualTo("service.name"));
      Map<String, Metric> metrics = export.getResourceMetrics(0).getScopeMetrics(0).getMetricsList().stream()
          .collect(Collectors.toMap(Metric::getName, m -> m));
      assertThat(metrics).containsOnlyKeys("cpu.load", "lat.ms", "lat.ms.count", "lat.ms.sum", "lat.ms.min",
          "lat.ms.max", "py.value");
      assertThat(metrics.get("cpu.load").getUnit()).isEqualTo("%");
      NumberDataPoint cpu = metrics.get("cpu.load").getGauge().getDataPoints(0);
      assertThat(cpu.getAsDouble()).isEqualTo(0.75);
      assertThat(cpu.getTimeUnixNano()).isEqualTo(t * 1_000_000_000L);
      assertThat(attributes(cpu)).isEqualTo(Map.of("host", "web1", "appoptics_name", "cpu.load"));
      assertThat(value(metrics, "lat.ms")).as("last, which is the mean when none was sent").isEqualTo(25);
      assertThat(value(metrics, "lat.ms.count")).isEqualTo(4);
      assertThat(value(metrics, "lat.ms.sum")).isEqualTo(100);
      assertThat(value(metrics, "lat.ms.min")).isEqualTo(10);
      assertThat(value(metrics, "lat.ms.max")).isEqualTo(40);
      assertThat(value(metrics, "py.value")).isEqualTo(7);
    }
  }

  @Test
  void pointsTheReceiverReportsRejectedInAPartialSuccessAreCountedAsRefused() throws Exception {
    byte[] partial = ExportMetricsServiceResponse.newBuilder().setPartialSuccess(
        ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(1).setErrorMessage("too old")).build()
        .toByteArray();
    try (TestReceiver receiver = new TestReceiver()
            .answer(r -> new TestReceiver.Answer(200, Map.of("Content-Type", "application/x-protobuf"), partial));
        ForwarderHarness harness = ForwarderHarness.otlp(receiver.uri("/v1/metrics"))) {
      harness.accept(Measurements.value("a", Map.of("h", "1"), 100, 1), Measurements.value("b", Map.of("h", "1"), 100,
          2));

      await().atMost(Duration.ofSeconds(20)).until(() -> harness.figure("refused_samples_total", "otlp") == 1);
      assertThat(harness.figure("sent_samples_total", "otlp")).isEqualTo(1);
    }
  }

  private static double value(Map<String, Metric> metrics, String name) {
    List<NumberDataPoint> points = metrics.get(name).getGauge().getDataPointsList();
    assertThat(points).hasSize(1);
    return points.get(0).getAsDouble();
  }

  private static Map<String, String> attributes(NumberDataPoint p) {
    Map<String, String> out = new TreeMap<>();
    for (KeyValue kv : new ArrayList<>(p.getAttributesList())) {
      out.put(kv.getKey(), kv.getValue().getStringValue());
    }
    return out;
  }
}
