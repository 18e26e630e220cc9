package dev.appoptics.emulator;

import static dev.appoptics.emulator.AlertFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an alert's services receive, and how delivery copes with receivers that fail or hang. */
class AlertNotificationTest {
  private final AlertFixture f = new AlertFixture(b -> b.alertDelivery(4, Duration.ofMillis(20)));
  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void close() {
    f.close();
    receiver.close();
  }

  private long cpuAlert(String name, long... services) {
    StringBuilder ids = new StringBuilder();
    for (long s : services) {
      ids.append(ids.length() > 0 ? "," : "").append(s);
    }
    return f.alert("{\"name\":\"" + name + "\",\"services\":[" + ids + "],"
        + "\"attributes\":{\"runbook_url\":\"https://runbooks.example.com/cpu\"},"
        + "\"conditions\":[{\"type\":\"above\",\"metric_name\":\"cpu\",\"threshold\":90}]}");
  }

  /** The newest notification of the alert once it is no longer pending. */
  private JsonNode settled(long alert) {
    Eventually.until("a settled notification", Duration.ofSeconds(20), () -> {
      JsonNode newest = f.notifications(alert).path(0);
      return !newest.isMissingNode() && !newest.path("status").asText().equals("pending");
    });
    return f.notifications(alert).get(0);
  }

  private double metric(String line) {
    return f.emulator.metricsText().lines().filter(l -> l.startsWith(line + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(line.length() + 1))).orElse(0.0);
  }

  @Test
  void aWebhookGetsOneFormParameterHoldingThePayloadWithEveryField() {
    long service = f.service("webhook", receiver.url("/hook"));
    long id = f.alert("{\"name\":\"collectd.high.load\",\"services\":[" + service + "],"
        + "\"attributes\":{\"runbook_url\":\"https://runbooks.example.com/load\"},"
        + "\"conditions\":[{\"type\":\"above\",\"metric_name\":\"load\",\"threshold\":2,\"duration\":60}]}");
    long conditionId = f.http.get("alerts/" + id).json().path("conditions").get(0).path("id").asLong();
    for (long t : new long[] {0, 30, 60}) {
      f.point("load", T0 + t, 7.19, "\"host\":\"ubuntu\"");
    }

    f.evaluateAt(T0 + 65);

    WebhookReceiver.Received request = receiver.await(1).get(0);
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(request.formParameters()).hasSize(1).allMatch(p -> p.startsWith("payload={"));
    JsonNode payload = request.payload();
    assertThat(payload.path("alert").toString()).isEqualTo("{\"id\":" + id
        + ",\"name\":\"collectd.high.load\",\"runbook_url\":\"https://runbooks.example.com/load\",\"version\":2}");
    assertThat(payload.path("account").asText()).isEqualTo("emulator@localhost");
    assertThat(payload.path("trigger_time").asLong()).isEqualTo(T0 + 65);
    String incident = payload.path("incident_key").asText();
    assertThat(incident).isNotEmpty();
    assertThat(payload.path("conditions").toString())
        .isEqualTo("[{\"id\":" + conditionId + ",\"type\":\"above\",\"threshold\":2.0,\"duration\":60}]");
    assertThat(payload.path("violations").size()).isEqualTo(1);
    assertThat(payload.path("violations").path("host=ubuntu").toString())
        .isEqualTo("[{\"metric\":\"load\",\"value\":7.19,\"recorded_at\":" + (T0 + 60) + ",\"condition_violated\":"
            + conditionId + ",\"count\":3,\"begin\":" + T0 + ",\"end\":" + (T0 + 60) + "}]");
    assertThat(payload.has("clear")).isFalse();

    f.point("load", T0 + 70, 1, "\"host\":\"ubuntu\"");
    f.evaluateAt(T0 + 75);

    JsonNode cleared = receiver.await(2).get(1).payload();
    assertThat(cleared.path("clear").asText()).isEqualTo("normal");
    assertThat(cleared.path("incident_key").asText()).isEqualTo(incident);
    assertThat(cleared.path("trigger_time").asLong()).isEqualTo(T0 + 65);
    assertThat(cleared.path("alert").path("id").asLong()).isEqualTo(id);
    assertThat(cleared.path("account").asText()).isEqualTo("emulator@localhost");
    assertThat(cleared.has("violations")).isFalse();
    assertThat(settled(id).path("status").asText()).isEqualTo("delivered");
  }

  @Test
  void slackGetsAReadableMessageAtItsIncomingWebhook() {
    long service = f.service("slack", receiver.url("/services/T0/B0/x"));
    long id = cpuAlert("cpu.high", service);
    f.point("cpu", T0 + 5, 95, "\"host\":\"a\"");
    f.evaluateAt(T0 + 10);
    f.point("cpu", T0 + 15, 50, "\"host\":\"a\"");
    f.evaluateAt(T0 + 20);

    List<WebhookReceiver.Received> requests = receiver.await(2);
    assertThat(requests.get(0).contentType()).startsWith("application/json");
    JsonNode triggered = requests.get(0).json();
    assertThat(triggered.path("username").asText()).isEqualTo("AppOptics Alerts");
    assertThat(triggered.path("text").asText())
        .startsWith("*Alert cpu.high has triggered!*")
        .contains("`host=a`", "metric `cpu`", "above 90", "value 95", "2023-11-14 22:14:05 UTC")
        .endsWith("Runbook: https://runbooks.example.com/cpu");
    assertThat(requests.get(1).json().path("text").asText()).startsWith("*Alert cpu.high has cleared.*");
    assertThat(settled(id).path("status").asText()).isEqualTo("delivered");
  }

  @Test
  void otherServiceTypesAreRecordedAsUndeliveredWithTheReason() {
    long mail = f.service("mail", "https://unused.example.com");
    long noUrl = f.http.post("services", "{\"type\":\"webhook\",\"title\":\"no url\",\"settings\":{}}").json()
        .path("id").asLong();
    long id = cpuAlert("cpu.high", mail, noUrl);
    f.point("cpu", T0 + 5, 95, "\"host\":\"a\"");

    f.evaluateAt(T0 + 10);

    JsonNode notes = f.notifications(id);
    assertThat(notes).hasSize(2);
    JsonNode toMail = notes.get(1);
    assertThat(toMail.path("service").path("type").asText()).isEqualTo("mail");
    assertThat(toMail.path("status").asText()).isEqualTo("undelivered");
    assertThat(toMail.path("reason").asText()).startsWith("unsupported service type 'mail'");
    assertThat(toMail.path("attempts")).isEmpty();
    assertThat(toMail.path("payload").path("violations").has("host=a")).isTrue();
    assertThat(notes.get(0).path("reason").asText()).isEqualTo("settings.url is missing");
    assertThat(f.log).anyMatch(l -> l.startsWith("NOTIFY alert=" + id + " service=" + mail
        + " mail triggered -> undelivered: unsupported service type 'mail'"));
    assertThat(metric("appoptics_alert_notifications_total{type=\"mail\",kind=\"triggered\",outcome=\"undelivered\"}"))
        .isEqualTo(1);
    assertThat(f.status(id)).isEqualTo("triggered");
  }

  @Test
  void aFailingReceiverIsRetriedWithBackOffAndEveryAttemptIsCounted() {
    receiver.answer(500, 503);
    long id = cpuAlert("cpu.high", f.service("webhook", receiver.url("/hook")));
    f.point("cpu", T0 + 5, 95, "\"host\":\"a\"");

    f.evaluateAt(T0 + 10);

    JsonNode delivery = settled(id);
    assertThat(delivery.path("status").asText()).isEqualTo("delivered");
    assertThat(delivery.path("attempts").findValuesAsText("status")).containsExactly("500", "503", "200");
    List<WebhookReceiver.Received> requests = receiver.received();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(2).body()).isEqualTo(requests.get(0).body());
    assertThat(metric("appoptics_alert_delivery_attempts_total{type=\"webhook\",result=\"error\"}")).isEqualTo(2);
    assertThat(metric("appoptics_alert_delivery_attempts_total{type=\"webhook\",result=\"ok\"}")).isEqualTo(1);
    assertThat(metric("appoptics_alert_notifications_total{type=\"webhook\",kind=\"triggered\",outcome=\"delivered\"}"))
        .isEqualTo(1);
    assertThat(f.log.stream().filter(l -> l.startsWith("NOTIFY POST " + receiver.url("/hook"))).toList())
        .hasSize(3)
        .anyMatch(l -> l.contains("-> 500 ") && l.contains("attempt 1/4, retry in 20ms"))
        .anyMatch(l -> l.contains("-> 503 ") && l.contains("attempt 2/4, retry in 40ms"))
        .anyMatch(l -> l.contains("-> 200 ") && l.endsWith("attempt 3/4"));
    assertThat(f.log).anyMatch(l -> l.endsWith("webhook triggered -> delivered"));
  }

  @Test
  void aReceiverThatKeepsFailingEndsFailedAndAClientErrorIsNotRetried() {
    receiver.answer(502, 502, 502, 502);
    long failing = cpuAlert("cpu.high", f.service("webhook", receiver.url("/down")));
    f.point("cpu", T0 + 5, 95, "\"host\":\"a\"");
    f.evaluateAt(T0 + 10);

    JsonNode failed = settled(failing);
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("reason").asText()).isEqualTo("HTTP 502 after 4 attempts");
    assertThat(failed.path("attempts")).hasSize(4);

    receiver.answer(404);
    long refused = cpuAlert("cpu.other", f.service("webhook", receiver.url("/gone")));
    f.point("cpu", T0 + 15, 95, "\"host\":\"a\"");
    f.evaluateAt(T0 + 20);

    JsonNode gone = settled(refused);
    assertThat(gone.path("reason").asText()).isEqualTo("HTTP 404 after 1 attempt");
    assertThat(metric("appoptics_alert_notifications_total{type=\"webhook\",kind=\"triggered\",outcome=\"failed\"}"))
        .isEqualTo(2);
  }

  @Test
  void evaluationKeepsItsScheduleWhileAReceiverHangs() {
    try (AlertFixture scheduled = new AlertFixture(b -> b.alertInterval(Duration.ofMillis(50)))) {
      receiver.hold();
      long hanging = scheduled.alert("{\"name\":\"a\",\"services\":[" + scheduled.service("webhook",
          receiver.url("/slow")) + "],\"conditions\":[{\"type\":\"above\",\"metric_name\":\"a\",\"threshold\":1}]}");
      long other = scheduled.alert(
          "{\"name\":\"b\",\"conditions\":[{\"type\":\"above\",\"metric_name\":\"b\",\"threshold\":1}]}");
      scheduled.point("a", T0, 2, "\"host\":\"x\"");
      receiver.await(1);

      scheduled.point("b", T0, 2, "\"host\":\"x\"");
      Eventually.until("alert b to trigger while a's delivery hangs", Duration.ofSeconds(20),
          () -> scheduled.status(other).equals("triggered"));

      assertThat(scheduled.status(hanging)).isEqualTo("triggered");
      assertThat(scheduled.notifications(hanging).get(0).path("status").asText()).isEqualTo("pending");
      receiver.release();
      Eventually.until("the held delivery to finish", Duration.ofSeconds(20),
          () -> scheduled.notifications(hanging).get(0).path("status").asText().equals("delivered"));
    }
  }
}
