package dev.appoptics.emulator;

import static dev.appoptics.emulator.AlertFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alert conditions on persisted composite metrics, evaluated from the composite's output a minute at a time. */
class CompositeAlertTest {
  private final AlertFixture f = new AlertFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private void composite(String name, String expression) {
    TestHttp.Answer answer = f.http.put("metrics/" + name,
        "{\"type\":\"composite\",\"composite\":\"" + expression.replace("\"", "\\\"") + "\"}");
    assertThat(answer.status()).as("%s", answer).isIn(201, 204);
  }

  private long alert(String metric, String type, String fields) {
    long mail = f.service("mail", "https://unused.example.com");
    return f.alert("{\"name\":\"on." + metric + "\",\"services\":[" + mail + "],\"conditions\":[{\"type\":\"" + type
        + "\",\"metric_name\":\"" + metric + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}]}");
  }

  private void req(long t, String host, double value) {
    f.point("req", T0 + t, value, "\"host\":\"" + host + "\"");
  }

  private String statusAt(long t, long alert) {
    f.evaluateAt(T0 + t);
    return f.status(alert);
  }

  /** The violations of the alert's newest notification, by signal. */
  private JsonNode violations(long alert) {
    return f.notifications(alert).get(0).path("payload").path("violations");
  }

  private List<String> signals(long alert) {
    List<String> out = new ArrayList<>();
    violations(alert).fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aThresholdOnASumOfStreamsIsJudgedOnceItsMinuteIsOver() {
    composite("req.total", "sum(s(\"req\", \"*\"))");
    long id = alert("req.total", "above", "\"threshold\":100");

    req(10, "a", 40);
    req(20, "b", 50);
    assertThat(statusAt(60, id)).as("90 in the first minute").isEqualTo("ok");

    req(70, "a", 60);
    req(80, "b", 50);
    assertThat(statusAt(119, id)).as("the second minute is not over").isEqualTo("ok");
    assertThat(statusAt(120, id)).as("110 in the second minute").isEqualTo("triggered");

    List<String> signals = signals(id);
    assertThat(signals).hasSize(1);
    JsonNode v = violations(id).path(signals.get(0)).get(0);
    assertThat(v.path("metric").asText()).isEqualTo("req.total");
    assertThat(v.path("value").asDouble()).isEqualTo(110.0);
    assertThat(v.path("recorded_at").asLong()).isEqualTo(T0 + 60);

    req(130, "a", 10);
    req(140, "b", 10);
    assertThat(statusAt(180, id)).as("20 in the third minute: cleared").isEqualTo("ok");
  }

  @Test
  void aDurationNeedsEveryMinuteOfTheWindowPastTheThreshold() {
    composite("req.total", "sum(s(\"req\", \"*\"))");
    long id = alert("req.total", "above", "\"threshold\":100,\"duration\":120");

    for (long minute = 0; minute < 3; minute++) {
      req(minute * 60 + 5, "a", 70);
      req(minute * 60 + 6, "b", 70);
      assertThat(statusAt(minute * 60 + 60, id)).as("after minute %d", minute)
          .isEqualTo(minute < 2 ? "ok" : "triggered");
    }
  }

  @Test
  void eachOutputStreamIsItsOwnSignalAndConditionTagsPickThem() {
    composite("req.doubled", "scale(s(\"req\", \"*\"), {factor: \"2\"})");
    long id = alert("req.doubled", "above", "\"threshold\":100,\"tags\":[{\"name\":\"host\",\"values\":[\"b\"]}]");

    req(10, "a", 80); // 160 doubled, but host a is not watched
    req(20, "b", 40);
    assertThat(statusAt(60, id)).isEqualTo("ok");

    req(70, "b", 55);
    assertThat(statusAt(120, id)).isEqualTo("triggered");
    assertThat(signals(id)).containsExactly("host=b");
  }

  @Test
  void absentFiresWhenTheCompositeStopsGivingAStream() {
    composite("req.total", "sum(s(\"req\", \"*\"))");
    long id = alert("req.total", "absent", "\"duration\":180");

    req(10, "a", 1);
    assertThat(statusAt(60, id)).isEqualTo("ok");
    // a composite's silence counts from the start of its last minute with data
    assertThat(statusAt(179, id)).isEqualTo("ok");
    assertThat(statusAt(180, id)).as("silent since the minute at T0").isEqualTo("triggered");

    req(250, "a", 1);
    assertThat(statusAt(300, id)).isEqualTo("ok");
  }

  @Test
  void aCompositeThatFailsToEvaluateHasNoSignalsAndBreaksNothing() {
    composite("req.ratio", "divide([s(\"req\", \"*\"), s(\"other\", \"*\")])");
    long id = alert("req.ratio", "above", "\"threshold\":0");
    req(10, "a", 5);
    assertThat(statusAt(60, id)).isEqualTo("ok");
    assertThat(statusAt(120, id)).isEqualTo("ok");
  }
}
