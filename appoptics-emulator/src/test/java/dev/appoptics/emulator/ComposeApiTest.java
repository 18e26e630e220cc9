package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Composite queries over HTTP. Data (resolution 60, window [B, B+179]):
 * temperature{city=sf} B:10 B+60:20; temperature{city=la} B:30 B+120:50; humidity{city=sf} B:2 B+60:0.
 */
class ComposeApiTest {
  static final long NOW = 1_700_000_000L;
  static final long B = 1_699_999_200L;
  static final String WINDOW = "&start_time=" + B + "&end_time=" + (B + 179) + "&resolution=60";

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));

  TestHttp http;

  @BeforeEach
  void data() {
    http = new TestHttp(EMULATOR.baseUri(), "token");
    TestHttp.Answer posted = http.post("measurements", "{\"measurements\":["
        + m("temperature", "sf", B, 10) + "," + m("temperature", "sf", B + 60, 20) + ","
        + m("temperature", "la", B, 30) + "," + m("temperature", "la", B + 120, 50) + ","
        + m("humidity", "sf", B, 2) + "," + m("humidity", "sf", B + 60, 0) + "]}");
    assertThat(posted.status()).isEqualTo(202);
  }

  private static String m(String name, String city, long time, double value) {
    return "{\"name\":\"" + name + "\",\"time\":" + time + ",\"value\":" + value + ",\"tags\":{\"city\":\"" + city
        + "\"}}";
  }

  private static String q(String expression) {
    return URLEncoder.encode(expression, StandardCharsets.UTF_8);
  }

  @Test
  void composeAnswersTheObjectShape() {
    String expr = "mean(s(\"temperature\", \"*\"))";
    TestHttp.Answer a = http.get("measurements?compose=" + q(expr) + WINDOW);

    assertThat(a.status()).isEqualTo(200);
    JsonNode body = a.json();
    assertThat(body.get("compose").asText()).isEqualTo(expr);
    assertThat(body.get("resolution").asLong()).isEqualTo(60);
    assertThat(body.get("series")).hasSize(1);
    JsonNode series = body.get("series").get(0);
    assertThat(series.get("measurements").toString()).isEqualTo("[{\"time\":" + B + ",\"value\":20.0},{\"time\":"
        + (B + 60) + ",\"value\":20.0},{\"time\":" + (B + 120) + ",\"value\":50.0}]");
    assertThat(series.get("query").get("metric").asText()).isEqualTo("temperature");
    assertThat(series.get("metric").get("name").asText()).isEqualTo("temperature");
  }

  @Test
  void selectedSeriesCarryMetricQueryTagsAndPeriod() {
    JsonNode body = http.get("measurements?compose=" + q("s(\"temperature\", {city: \"s*\"})") + WINDOW).json();

    JsonNode series = body.get("series").get(0);
    assertThat(body.get("series")).hasSize(1);
    assertThat(series.get("tags").toString()).isEqualTo("{\"city\":\"sf\"}");
    assertThat(series.get("query").toString()).isEqualTo("{\"metric\":\"temperature\",\"tags\":{\"city\":\"s*\"}}");
    assertThat(series.get("metric").get("type").asText()).isEqualTo("gauge");
    assertThat(series.get("period").asLong()).isEqualTo(60);
  }

  @Test
  void divisionByZeroLeavesThePointOut() {
    String expr = "divide([s(\"temperature\", {city: \"sf\"}), s(\"humidity\", {city: \"sf\"})])";
    JsonNode series = http.get("measurements?compose=" + q(expr) + WINDOW).json().get("series");

    assertThat(series).hasSize(1);
    assertThat(series.get(0).get("measurements").toString()).isEqualTo("[{\"time\":" + B + ",\"value\":5.0}]");
  }

  @Test
  void emptyMatchGivesNoSeries() {
    JsonNode body = http.get("measurements?compose=" + q("sum(s(\"nothing\", \"*\"))") + WINDOW).json();
    assertThat(body.get("series")).isEmpty();
  }

  @Test
  void syntaxErrorIsA400NamingComposeAndThePosition() {
    TestHttp.Answer a = http.get("measurements?compose=" + q("sum(s(\"temperature\" \"*\"))") + WINDOW);

    assertThat(a.status()).isEqualTo(400);
    JsonNode body = a.json();
    assertThat(body.get("request_time").asLong()).isEqualTo(NOW);
    String message = body.get("errors").get("params").get("compose").get(0).asText();
    assertThat(message).startsWith("expected ')' or ',' but found string \"*\" at line 1, column 21 (offset 20)");
  }

  @Test
  void typeErrorIsA400NamingTheFunction() {
    TestHttp.Answer a = http.get("measurements?compose=" + q("scale(s(\"temperature\", \"*\"), {factor: \"x\"})")
        + WINDOW);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("errors").get("params").get("compose").get(0).asText())
        .startsWith("scale(): option 'factor' must be a number");
  }

  @Test
  void missingResolutionIsRefused() {
    TestHttp.Answer a = http.get("measurements?compose=" + q("s(\"temperature\", \"*\")") + "&start_time=" + B);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("errors").get("params").has("resolution")).isTrue();
  }

  @Test
  void legacyMetricsRouteAnswersTheSame() {
    String path = "?compose=" + q("sum(s(\"temperature\", \"*\"))") + WINDOW;
    assertThat(http.get("metrics" + path).body()).isEqualTo(http.get("measurements" + path).body());
  }

  @Test
  void persistedCompositeIsEvaluatedWhenQueriedByName() {
    TestHttp.Answer created = http.put("metrics/temp.total",
        "{\"type\":\"composite\",\"composite\":\"sum(s(\\\"temperature\\\", \\\"*\\\"))\"}");
    assertThat(created.status()).isEqualTo(201);

    JsonNode body = http.get("measurements/temp.total?start_time=" + B + "&end_time=" + (B + 179)
        + "&resolution=60").json();

    assertThat(body.get("name").asText()).isEqualTo("temp.total");
    assertThat(body.get("series").get(0).get("measurements").toString()).isEqualTo("[{\"time\":" + B
        + ",\"value\":40.0},{\"time\":" + (B + 60) + ",\"value\":20.0},{\"time\":" + (B + 120) + ",\"value\":50.0}]");
  }

  @Test
  void badOrNestedPersistedCompositesAreRefused() {
    TestHttp.Answer bad = http.put("metrics/broken", "{\"type\":\"composite\",\"composite\":\"sum(\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get("params").get("composite").get(0).asText())
        .startsWith("expected a value");

    http.put("metrics/inner", "{\"type\":\"composite\",\"composite\":\"sum(s(\\\"temperature\\\", \\\"*\\\"))\"}");
    TestHttp.Answer nested = http.put("metrics/outer",
        "{\"type\":\"composite\",\"composite\":\"mean(s(\\\"inner\\\", \\\"*\\\"))\"}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.json().get("errors").get("params").get("composite").get(0).asText())
        .contains("cannot reference the composite metric inner");
  }
}
