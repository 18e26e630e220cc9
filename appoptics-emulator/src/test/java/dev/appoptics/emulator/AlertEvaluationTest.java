package dev.appoptics.emulator;

import static dev.appoptics.emulator.AlertFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How alerts are evaluated against stored data: each condition type, windows, tags, rearm, clearing. */
class AlertEvaluationTest {
  private final AlertFixture f = new AlertFixture();

  @AfterEach
  void close() {
    f.close();
  }

  /** An alert body with these conditions (JSON objects) and services (ids). */
  private static String alert(String name, String extra, String... conditions) {
    return "{\"name\":\"" + name + "\",\"conditions\":[" + String.join(",", conditions) + "]"
        + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static String condition(String type, String metric, String fields) {
    return "{\"type\":\"" + type + "\",\"metric_name\":\"" + metric + "\"" + (fields.isEmpty() ? "" : "," + fields)
        + "}";
  }

  private static final String HOST_A = "\"host\":\"a\"";
  private static final String ABOVE_90 = condition("above", "cpu", "\"threshold\":90");

  private long mailService() {
    return f.service("mail", "https://unused.example.com");
  }

  /** An alert notifying a {@code mail} service, whose notifications are recorded with their payloads. */
  private long notifying(String name, String extra, String... conditions) {
    String services = "\"services\":[" + mailService() + "]";
    return f.alert(alert(name, extra.isEmpty() ? services : services + "," + extra, conditions));
  }

  /** A {@code cpu} point of host a, {@code t} seconds after T0. */
  private void cpu(long t, double value) {
    f.point("cpu", T0 + t, value, HOST_A);
  }

  /** Evaluates {@code t} seconds after T0 and answers the alert's status. */
  private String statusAt(long t, long alert) {
    f.evaluateAt(T0 + t);
    return f.status(alert);
  }

  private static List<String> signals(JsonNode notification) {
    List<String> out = new ArrayList<>();
    notification.path("payload").path("violations").fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aboveWithoutDurationTriggersOnOneViolatingPoint() {
    long id = f.alert(alert("cpu.high", "", ABOVE_90));

    cpu(10, 90);
    assertThat(statusAt(20, id)).isEqualTo("ok");

    cpu(30, 90.5);
    assertThat(statusAt(40, id)).isEqualTo("triggered");
    assertThat(f.accountStatus().toString())
        .isEqualTo("{\"firing\":[{\"id\":" + id + ",\"triggered_at\":" + (T0 + 40) + "}],\"cleared\":[]}");
  }

  @Test
  void belowIsStrictlyBelowTheThreshold() {
    long id = f.alert(alert("free.low", "", condition("below", "free", "\"threshold\":10")));

    f.point("free", T0 + 10, 10, HOST_A);
    assertThat(statusAt(20, id)).isEqualTo("ok");

    f.point("free", T0 + 30, 9.5, HOST_A);
    assertThat(statusAt(40, id)).isEqualTo("triggered");
  }

  @Test
  void aDurationNeedsViolatingPointsSpanningTheWholeWindow() {
    long id = f.alert(alert("cpu.high", "", condition("above", "cpu", "\"threshold\":90,\"duration\":300")));
    for (long t = 0; t <= 240; t += 60) {
      cpu(t, 95);
    }

    assertThat(statusAt(250, id)).as("240 s of violating points").isEqualTo("ok");

    cpu(299, 95);
    assertThat(statusAt(299, id)).as("299 s").isEqualTo("ok");

    cpu(300, 95);
    assertThat(statusAt(300, id)).as("300 s").isEqualTo("triggered");
  }

  @Test
  void aFinePointInsideTheWindowStartsTheWindowAgain() {
    long id = f.alert(alert("cpu.high", "", condition("above", "cpu", "\"threshold\":90,\"duration\":120")));
    cpu(0, 95);
    cpu(60, 80);
    cpu(120, 95);
    cpu(180, 95);

    assertThat(statusAt(180, id)).isEqualTo("ok");

    cpu(240, 95);
    assertThat(statusAt(240, id)).isEqualTo("triggered");
  }

  @Test
  void aRunThatCompletedBetweenEvaluationsCountsEvenIfAFinePointFollowed() {
    long id = notifying("cpu.spike", "", ABOVE_90);
    cpu(10, 95);
    cpu(20, 50);

    assertThat(statusAt(30, id)).isEqualTo("triggered");
    JsonNode violation = f.notifications(id).get(0).path("payload").path("violations").path("host=a").get(0);
    assertThat(violation.path("value").asDouble()).isEqualTo(95);
    assertThat(violation.path("recorded_at").asLong()).isEqualTo(T0 + 10);
    assertThat(statusAt(90, id)).as("the newest point is fine").isEqualTo("ok");
  }

  @Test
  void summaryFunctionsPickTheirStatisticOfEachPoint() {
    String metric = "latency";
    long avg = f.alert(alert("avg", "", condition("above", metric, "\"threshold\":50,\"summary_function\":\"average\"")));
    long byDefault = f.alert(alert("default", "", condition("above", metric, "\"threshold\":49.9")));
    long max = f.alert(alert("max", "", condition("above", metric, "\"threshold\":99,\"summary_function\":\"max\"")));
    long min = f.alert(alert("min", "", condition("below", metric, "\"threshold\":11,\"summary_function\":\"min\"")));
    long sum = f.alert(alert("sum", "", condition("above", metric, "\"threshold\":199,\"summary_function\":\"sum\"")));
    long count = f.alert(alert("count", "", condition("above", metric, "\"threshold\":3,\"summary_function\":\"count\"")));
    long countNot = f.alert(alert("count4", "",
        condition("above", metric, "\"threshold\":4,\"summary_function\":\"count\"")));
    f.write("{\"name\":\"latency\",\"time\":%d,\"count\":4,\"sum\":200,\"min\":10,\"max\":100,\"tags\":{\"host\":\"a\"}}"
        .formatted(T0 + 10));

    assertThat(statusAt(20, avg)).as("mean 50 is not above 50").isEqualTo("ok");
    assertThat(f.status(byDefault)).as("average by default").isEqualTo("triggered");
    assertThat(f.status(max)).isEqualTo("triggered");
    assertThat(f.status(min)).isEqualTo("triggered");
    assertThat(f.status(sum)).isEqualTo("triggered");
    assertThat(f.status(count)).isEqualTo("triggered");
    assertThat(f.status(countNot)).isEqualTo("ok");
  }

  @Test
  void derivativeComparesConsecutivePointsAndDetectResetTurnsAFallIntoZero() {
    long rising = f.alert(alert("rising", "",
        condition("above", "requests", "\"threshold\":40,\"summary_function\":\"derivative\"")));
    long fallRaw = f.alert(alert("fall.raw", "",
        condition("below", "restarts", "\"threshold\":-100,\"summary_function\":\"derivative\",\"detect_reset\":false")));
    long fallReset = f.alert(alert("fall.reset", "",
        condition("below", "restarts", "\"threshold\":-100,\"summary_function\":\"derivative\"")));
    long resetIsZero = f.alert(alert("reset.zero", "",
        condition("below", "restarts", "\"threshold\":0.5,\"summary_function\":\"derivative\",\"detect_reset\":true")));
    f.point("requests", T0 + 10, 100, HOST_A);
    f.point("restarts", T0 + 10, 1000, HOST_A);

    f.evaluateAt(T0 + 15);
    assertThat(List.of(f.status(rising), f.status(fallRaw), f.status(fallReset), f.status(resetIsZero)))
        .as("one point has no derivative").containsOnly("ok");

    f.point("requests", T0 + 20, 150, HOST_A);
    f.point("restarts", T0 + 20, 10, HOST_A);

    assertThat(statusAt(25, rising)).as("+50").isEqualTo("triggered");
    assertThat(f.status(fallRaw)).as("-990 without detect_reset").isEqualTo("triggered");
    assertThat(f.status(fallReset)).as("detect_reset by default").isEqualTo("ok");
    assertThat(f.status(resetIsZero)).as("a reset reads as 0").isEqualTo("triggered");
  }

  @Test
  void tagFiltersTakeWildcardsAndIgnoreCase() {
    long id = notifying("web.cpu", "", condition("above", "cpu",
        "\"threshold\":90,\"tags\":[{\"name\":\"host\",\"grouped\":false,\"values\":[\"web-*\"]}]"));
    f.point("cpu", T0 + 10, 95, "\"host\":\"web-1\"");
    f.point("cpu", T0 + 10, 95, "\"host\":\"WEB-2\"");
    f.point("cpu", T0 + 10, 95, "\"host\":\"db-1\"");
    f.point("cpu", T0 + 10, 95, "\"region\":\"eu\"");

    assertThat(statusAt(20, id)).isEqualTo("triggered");
    assertThat(signals(f.notifications(id).get(0))).containsExactlyInAnyOrder("host=web-1", "host=WEB-2");
  }

  @Test
  void perStreamConditionsJudgeEachStreamAndGroupedOnesTheirSum() {
    String perStream = "\"threshold\":80,\"summary_function\":\"sum\","
        + "\"tags\":[{\"name\":\"host\",\"grouped\":false,\"values\":[\"*\"]}]";
    String grouped = "\"threshold\":80,\"summary_function\":\"sum\","
        + "\"tags\":[{\"name\":\"host\",\"grouped\":true,\"values\":[\"*\"]}]";
    long each = f.alert(alert("each", "", condition("above", "load", perStream)));
    long all = notifying("all", "", condition("above", "load", grouped));
    f.point("load", T0 + 5, 50, HOST_A);
    f.point("load", T0 + 7, 50, "\"host\":\"b\"");

    assertThat(statusAt(59, all)).as("the minute is not over").isEqualTo("ok");

    assertThat(statusAt(60, each)).isEqualTo("ok");
    assertThat(f.status(all)).isEqualTo("triggered");
    JsonNode violation = f.notifications(all).get(0).path("payload").path("violations").path("host=*").get(0);
    assertThat(violation.path("value").asDouble()).isEqualTo(100);
    assertThat(violation.path("recorded_at").asLong()).isEqualTo(T0);
  }

  @Test
  void ungroupedTagsSplitAGroupedCondition() {
    long id = notifying("region.load", "", condition("above", "load",
        "\"threshold\":80,\"summary_function\":\"sum\",\"tags\":["
            + "{\"name\":\"region\",\"grouped\":false,\"values\":[\"*\"]},"
            + "{\"name\":\"host\",\"grouped\":true,\"values\":[\"*\"]}]"));
    f.point("load", T0 + 5, 50, "\"region\":\"eu\",\"host\":\"a\"");
    f.point("load", T0 + 6, 50, "\"region\":\"eu\",\"host\":\"b\"");
    f.point("load", T0 + 7, 50, "\"region\":\"us\",\"host\":\"c\"");

    assertThat(statusAt(60, id)).isEqualTo("triggered");
    assertThat(signals(f.notifications(id).get(0))).containsExactly("host=*,region=eu");
  }

  @Test
  void rearmSpacesOutRepeatNotificationsOfOneIncident() {
    long id = notifying("cpu.high", "", ABOVE_90);
    cpu(5, 95);

    for (long t = 10; t <= 550; t += 60) {
      f.evaluateAt(T0 + t);
    }
    assertThat(f.notifications(id)).hasSize(1);

    f.evaluateAt(T0 + 610);
    JsonNode notes = f.notifications(id);
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).path("kind").asText()).isEqualTo("triggered");
    assertThat(notes.get(0).path("incident_key").asText()).isEqualTo(notes.get(1).path("incident_key").asText());
    assertThat(notes.get(0).path("payload").path("trigger_time").asLong()).isEqualTo(T0 + 10);
  }

  @Test
  void rearmPerSignalTellsANewlyBreakingSignalAtOnce() {
    long perSignal = notifying("per.signal", "\"rearm_per_signal\":true", ABOVE_90);
    long perAlert = notifying("per.alert", "", ABOVE_90);
    cpu(5, 95);
    f.evaluateAt(T0 + 10);
    f.point("cpu", T0 + 65, 95, "\"host\":\"b\"");
    f.evaluateAt(T0 + 70);
    f.evaluateAt(T0 + 130);
    f.evaluateAt(T0 + 610);
    f.evaluateAt(T0 + 670);

    List<List<String>> told = new ArrayList<>();
    f.notifications(perSignal).forEach(n -> told.add(0, signals(n)));
    assertThat(told).containsExactly(List.of("host=a"), List.of("host=b"), List.of("host=a"), List.of("host=b"));
    List<List<String>> toldOnce = new ArrayList<>();
    f.notifications(perAlert).forEach(n -> toldOnce.add(0, signals(n)));
    assertThat(toldOnce).containsExactly(List.of("host=a"), List.of("host=a", "host=b"));
  }

  @Test
  void clearingByHandSendsClearedAndWaitsForNewPoints() {
    long id = notifying("cpu.high", "", ABOVE_90);
    cpu(5, 95);
    assertThat(statusAt(10, id)).isEqualTo("triggered");

    f.clock.setEpochSecond(T0 + 20);
    assertThat(f.http.post("alerts/" + id + "/clear", "").status()).isEqualTo(204);

    assertThat(f.status(id)).isEqualTo("ok");
    assertThat(f.accountStatus().toString())
        .isEqualTo("{\"firing\":[],\"cleared\":[{\"id\":" + id + ",\"cleared_at\":" + (T0 + 20) + "}]}");
    JsonNode notes = f.notifications(id);
    assertThat(notes.get(0).path("kind").asText()).isEqualTo("cleared");
    assertThat(notes.get(0).path("payload").path("clear").asText()).isEqualTo("normal");
    String firstIncident = notes.get(1).path("incident_key").asText();
    assertThat(notes.get(0).path("incident_key").asText()).isEqualTo(firstIncident);

    assertThat(statusAt(30, id)).as("the silent stream's old point does not count").isEqualTo("ok");

    cpu(40, 96);
    assertThat(statusAt(50, id)).isEqualTo("triggered");
    assertThat(f.notifications(id).get(0).path("incident_key").asText()).isNotEqualTo(firstIncident);
  }

  @Test
  void anAlertClearsByItselfWhenItsConditionsStopHolding() {
    long id = notifying("cpu.high", "", ABOVE_90);
    cpu(5, 95);
    f.evaluateAt(T0 + 10);
    cpu(65, 50);

    assertThat(statusAt(70, id)).isEqualTo("ok");
    assertThat(f.accountStatus().path("cleared").get(0).path("cleared_at").asLong()).isEqualTo(T0 + 70);
    JsonNode cleared = f.notifications(id).get(0);
    assertThat(cleared.path("kind").asText()).isEqualTo("cleared");
    assertThat(cleared.path("payload").path("trigger_time").asLong()).isEqualTo(T0 + 10);
  }

  @Test
  void aClearedAlertLeavesTheAccountStatusAfterADay() {
    long id = f.alert(alert("cpu.high", "", ABOVE_90));
    cpu(5, 95);
    f.evaluateAt(T0 + 10);
    cpu(15, 50);
    f.evaluateAt(T0 + 20);

    f.clock.setEpochSecond(T0 + 20 + 86_400);
    assertThat(f.accountStatus().path("cleared")).hasSize(1);
    f.clock.setEpochSecond(T0 + 21 + 86_400);
    assertThat(f.accountStatus().path("cleared")).isEmpty();
    assertThat(f.status(id)).isEqualTo("ok");
  }

  @Test
  void anInactiveAlertIsNotEvaluated() {
    long id = notifying("cpu.high", "\"active\":false", ABOVE_90);
    cpu(5, 95);

    assertThat(statusAt(10, id)).isEqualTo("ok");
    assertThat(f.notifications(id)).isEmpty();
  }

  @Test
  void disablingAFiringAlertClearsIt() {
    long service = mailService();
    String cond = ABOVE_90;
    long id = f.alert(alert("cpu.high", "\"services\":[" + service + "]", cond));
    cpu(5, 95);
    f.evaluateAt(T0 + 10);

    f.clock.setEpochSecond(T0 + 20);
    assertThat(f.http.put("alerts/" + id, alert("cpu.high", "\"services\":[" + service + "],\"active\":false", cond))
        .status()).isEqualTo(204);
    assertThat(f.status(id)).isEqualTo("ok");
    f.evaluateAt(T0 + 30);

    assertThat(f.notifications(id).get(0).path("kind").asText()).isEqualTo("cleared");
    assertThat(f.accountStatus().path("cleared").get(0).path("cleared_at").asLong()).isEqualTo(T0 + 30);
  }

  @Test
  void anAlertOnAMetricThatDoesNotExistYetFiresOnceItsDataArrives() {
    long id = f.alert(alert("later", "", condition("above", "not.yet", "\"threshold\":1")));

    assertThat(statusAt(10, id)).isEqualTo("ok");
    assertThat(f.http.get("metrics/not.yet").status()).isEqualTo(404);

    f.point("not.yet", T0 + 20, 2, HOST_A);
    assertThat(statusAt(30, id)).isEqualTo("triggered");
  }

  @Test
  void absentFiresWhenAStreamThatReportedIsSilentForTheDuration() {
    long id = notifying("heartbeat.lost", "", condition("absent", "heartbeat", "\"duration\":120"));
    assertThat(statusAt(200, id)).as("no stream ever reported").isEqualTo("ok");

    f.point("heartbeat", T0 + 210, 1, HOST_A);
    assertThat(statusAt(329, id)).as("silent for 119 s").isEqualTo("ok");
    assertThat(statusAt(330, id)).as("silent for 120 s").isEqualTo("triggered");
    JsonNode violation = f.notifications(id).get(0).path("payload").path("violations").path("host=a").get(0);
    assertThat(violation.path("value").isNull()).isTrue();
    assertThat(violation.path("recorded_at").asLong()).isEqualTo(T0 + 210);

    f.point("heartbeat", T0 + 340, 1, HOST_A);
    assertThat(statusAt(341, id)).as("it reported again").isEqualTo("ok");
  }

  @Test
  void everyConditionMustHold() {
    long id = notifying("both", "", ABOVE_90, condition("above", "mem", "\"threshold\":50"));
    cpu(5, 95);
    f.point("mem", T0 + 5, 40, "\"host\":\"b\"");
    assertThat(statusAt(10, id)).isEqualTo("ok");

    f.point("mem", T0 + 15, 60, "\"host\":\"b\"");

    assertThat(statusAt(20, id)).isEqualTo("triggered");
    assertThat(signals(f.notifications(id).get(0))).containsExactly("host=a", "host=b");
  }

  @Test
  void anUpdateThatKeepsTheConditionsKeepsTheIncident() {
    long service = mailService();
    String cond = condition("above", "cpu", "\"threshold\":90,\"duration\":120");
    long id = f.alert(alert("cpu.high", "", cond));
    for (long t = 0; t <= 120; t += 60) {
      cpu(t, 95);
    }
    assertThat(statusAt(120, id)).isEqualTo("triggered");

    f.clock.setEpochSecond(T0 + 125);
    assertThat(f.http.put("alerts/" + id, alert("cpu.very.high", "\"services\":[" + service + "]", cond)).status())
        .isEqualTo(204);

    assertThat(statusAt(130, id)).as("renamed, a service added, the same condition re-sent without its id")
        .isEqualTo("triggered");
    assertThat(f.notifications(id)).isEmpty();
    f.evaluateAt(T0 + 720);
    JsonNode repeat = f.notifications(id).get(0).path("payload");
    assertThat(repeat.path("alert").path("name").asText()).isEqualTo("cpu.very.high");
    long newConditionId = f.http.get("alerts/" + id).json().path("conditions").get(0).path("id").asLong();
    assertThat(repeat.path("violations").path("host=a").get(0).path("condition_violated").asLong())
        .isEqualTo(newConditionId);
  }

  @Test
  void pointsFromBeforeTheAlertOrItsLastChangeDoNotCount() {
    cpu(-30, 95);
    long id = f.alert(alert("cpu.high", "", ABOVE_90));
    assertThat(statusAt(10, id)).as("the point is older than the alert").isEqualTo("ok");

    cpu(20, 95);
    assertThat(statusAt(30, id)).isEqualTo("triggered");

    f.clock.setEpochSecond(T0 + 40);
    f.http.put("alerts/" + id, alert("cpu.high", "", condition("above", "cpu", "\"threshold\":91")));
    assertThat(statusAt(50, id)).as("changed conditions watch from the change").isEqualTo("ok");
  }
}
