package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deeply nested input (query expressions, composites, JSON bodies) is a positioned 400, never a 500 from a stack
 * overflow; the deepest accepted input is stored and answered back. Query strings stay short enough for any URL
 * limit; the parsers themselves are also tested with thousands of levels.
 */
class NestingLimitsTest {
  @RegisterExtension static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  private final TestHttp http = new TestHttp(EMULATOR.baseUri(), "t");

  @BeforeEach
  void oneSeries() {
    stillServing();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String nested(String open, String inner, String close, int depth) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  @Test
  void tagSearchNestedTooDeepIsAPositioned400() {
    TestHttp.Answer a = http.get("measurements/ok?resolution=60&duration=600&tags_search="
        + enc(nested("(", "a=b", ")", 150)));

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/tags_search/0").asText())
        .endsWith("parentheses and 'not' nest more than 100 levels deep at position 100");
  }

  @Test
  void tagSearchNestedToTheLimitIsAnswered() {
    TestHttp.Answer a = http.get("measurements/ok?resolution=60&duration=600&tags_search="
        + enc(nested("(", "a=b", ")", 100)));

    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.json().at("/series/0/tags/a").asText()).isEqualTo("b");
  }

  @Test
  void composeNestedTooDeepIsAPositioned400() {
    TestHttp.Answer a = http.get("measurements?resolution=60&duration=600&start_time=1&compose="
        + enc(nested("sum(", "s(\"ok\",\"*\")", ")", 120)));

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/compose/0").asText())
        .startsWith("expected nesting at most 100 levels deep but found level 101 at line 1, column 401");
  }

  @Test
  void persistedCompositeNestedTooDeepIsAPositioned400() {
    String body = "{\"type\":\"composite\",\"composite\":\"" + nested("sum(", "s(\\\"ok\\\",\\\"*\\\")", ")", 2_000)
        + "\"}";

    TestHttp.Answer a = http.put("metrics/deep.composite", body);

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/composite/0").asText()).contains("(offset 400)");
    assertThat(http.get("metrics/deep.composite").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metrics/deep.attributes", "alerts", "spaces", "annotations/deep", "services"})
  void resourceBodiesNestedBeyondTheLimitAreAPositioned400(String path) {
    String deep = "{\"name\":\"deep\",\"attributes\":" + nested("{\"a\":", "1", "}", 5_000) + "}";

    TestHttp.Answer a = path.startsWith("metrics/") ? http.put(path, deep) : http.post(path, deep);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/request/0").asText())
        .isEqualTo("Request body nests deeper than 64 levels at line 1, column 345");
  }

  @Test
  void aMeasurementBodyNestedBeyondTheReadersLimitIsAPositioned400() {
    String deep = "{\"measurements\":[{\"name\":\"deep\",\"value\":1,\"attributes\":"
        + nested("[", "1", "]", 5_000) + "}]}";

    TestHttp.Answer a = http.post("measurements", deep);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/request/0").asText()).endsWith("exceeds the maximum allowed (1000) (at byte 1052)");
  }

  @Test
  void anAlertWithAttributesAsDeepAsAllowedIsStoredAndListed() {
    String attributes = nested("{\"a\":", "1", "}", 60);
    TestHttp.Answer created = http.post("alerts", "{\"name\":\"deep.alert\",\"attributes\":" + attributes
        + ",\"conditions\":[{\"type\":\"above\",\"metric_name\":\"ok\",\"threshold\":1}]}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(http.get("alerts").json().at("/alerts/0/attributes" + "/a".repeat(60)).asInt()).isEqualTo(1);
  }

  @Test
  void measurementAttributesAsDeepAsAllowedAreStoredAndAnsweredBack() {
    String attributes = nested("{\"a\":", "1", "}", 30);
    TestHttp.Answer posted = http.post("measurements", "{\"tags\":{\"h\":\"x\"},\"measurements\":["
        + "{\"name\":\"deep.ok\",\"value\":1,\"attributes\":{\"custom\":" + attributes + "}}]}");

    assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
    assertThat(http.get("metrics/deep.ok").json().at("/attributes/custom" + "/a".repeat(30)).asInt()).isEqualTo(1);
    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @Test
  void metricAttributesNestedTooDeepAreAPositioned400() {
    TestHttp.Answer a = http.put("metrics/deep.attrs",
        "{\"attributes\":{\"custom\":" + nested("{\"a\":", "1", "}", 40) + "}}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/attributes/0").asText())
        .isEqualTo("'custom' nests 40 levels deep; at most 32 are allowed");
    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @AfterEach
  void stillServing() {
    TestHttp.Answer a =
        http.post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"ok\",\"value\":1}]}");
    assertThat(a.status()).isEqualTo(202);
  }
}
