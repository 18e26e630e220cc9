package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.ManualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert incidents outlive a restart of a durable emulator: manual clears, notification times (rearm), the account
 * status, and the deliveries. The clock moves only when a test says so, and alerts are evaluated only when asked. A
 * "crash" is the data directory copied while the emulator runs, which is what a killed process leaves.
 */
class AlertStatePersistsTest {
  private static final long T0 = 1_700_000_040L;
  private static final String CPU_ABOVE_90 = "{\"type\":\"above\",\"metric_name\":\"cpu\",\"threshold\":90}";

  @TempDir Path dir;
  private final ManualClock clock = ManualClock.atEpochSecond(T0);
  private final List<Server> started = new ArrayList<>();

  @AfterEach
  void closeAll() {
    started.forEach(Server::close);
  }

  @Test
  void aManualClearAnsweredBeforeACrashHoldsAndOnlyNewPointsFireTheAlertAgain() throws IOException {
    Server before = start("data");
    long id = before.alert("cpu.high", CPU_ABOVE_90);
    before.point("cpu", 5, 95);
    before.evaluateAt(10);
    assertThat(before.status(id)).isEqualTo("triggered");
    clock.setEpochSecond(T0 + 20);
    before.http.post("alerts/" + id + "/clear", "{}");
    String firstIncident = before.notifications(id).get(0).path("incident_key").asText();
    EveryArea.copy(dir.resolve("data"), dir.resolve("crashed"));
    before.close();

    Server after = start("crashed");
    assertThat(after.status(id)).isEqualTo("ok");
    after.evaluateAt(30);
    assertThat(after.status(id)).as("the point from before the clear does not count").isEqualTo("ok");

    after.point("cpu", 40, 96);
    after.evaluateAt(50);
    assertThat(after.status(id)).isEqualTo("triggered");
    JsonNode newest = after.notifications(id).get(0);
    assertThat(newest.path("kind").asText()).isEqualTo("triggered");
    assertThat(newest.path("incident_key").asText()).isNotEqualTo(firstIncident);
  }

  @Test
  void aFiringAlertIsToldAgainAfterACrashOnlyOnceRearmSecondsHavePassed() throws IOException {
    Server before = start("data");
    long id = before.alert("cpu.high", CPU_ABOVE_90);   // rearm_seconds: 600 by default
    before.point("cpu", 5, 95);
    before.evaluateAt(10);
    EveryArea.copy(dir.resolve("data"), dir.resolve("crashed"));
    before.close();

    Server after = start("crashed");
    after.point("cpu", 65, 95);
    after.evaluateAt(70);
    after.evaluateAt(609);
    JsonNode notes = after.notifications(id);
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).path("created_at").asLong()).isEqualTo(T0 + 10);

    after.evaluateAt(610);
    notes = after.notifications(id);
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).path("kind").asText()).isEqualTo("triggered");
    assertThat(notes.get(0).path("created_at").asLong()).isEqualTo(T0 + 610);
    assertThat(notes.get(0).path("incident_key")).isEqualTo(notes.get(1).path("incident_key"));
    assertThat(notes.get(0).at("/payload/trigger_time").asLong()).isEqualTo(T0 + 10);
  }

  @Test
  void theAccountStatusKeepsItsFiringAndRecentlyClearedAlertsAcrossARestart() {
    Server before = start("data");
    long firing = before.alert("cpu.high", CPU_ABOVE_90);
    long cleared = before.alert("mem.high", "{\"type\":\"above\",\"metric_name\":\"mem\",\"threshold\":90}");
    before.point("cpu", 5, 95);
    before.point("mem", 5, 95);
    before.evaluateAt(10);
    before.point("mem", 15, 50);
    before.evaluateAt(20);
    JsonNode status = before.http.get("alerts/status");
    before.close();
    assertThat(status.toString()).isEqualTo("{\"firing\":[{\"id\":" + firing + ",\"triggered_at\":" + (T0 + 10)
        + "}],\"cleared\":[{\"id\":" + cleared + ",\"cleared_at\":" + (T0 + 20) + "}]}");

    Server after = start("data");
    assertThat(after.http.get("alerts/status")).as("before any evaluation").isEqualTo(status);
    assertThat(after.status(firing)).isEqualTo("triggered");
    after.evaluateAt(80);
    assertThat(after.http.get("alerts/status"))
        .as("the spike that fired and cleared the mem alert is not judged again").isEqualTo(status);
    assertThat(after.notifications(cleared)).hasSize(2);
  }

  @Test
  void anAlertDeletedWhileFiringLeavesNoIncidentBehind() throws SQLException {
    Server before = start("data");
    long seenDeleted = before.alert("cpu.high", CPU_ABOVE_90);
    long deletedUnseen = before.alert("cpu.higher", CPU_ABOVE_90.replace("90", "91"));
    long kept = before.alert("cpu.very.high", CPU_ABOVE_90.replace("90", "92"));
    before.point("cpu", 5, 95);
    before.evaluateAt(10);
    before.http.delete("alerts/" + seenDeleted);
    before.evaluateAt(20);
    // Deleted after the last evaluation: the engine has not seen it go when the emulator stops.
    before.http.delete("alerts/" + deletedUnseen);
    before.close();

    Server after = start("data");
    assertThat(after.http.get("alerts/status").path("firing")).extracting(f -> f.path("id").asLong())
        .containsExactly(kept);
    after.evaluateAt(30);
    after.close();

    try (SqliteResources resources = new SqliteResources(dir.resolve("data/resources.db"), false)) {
      assertThat(resources.load("alert_incidents").keySet()).containsExactly(Long.toString(kept));
      assertThat(resources.load("alert_deliveries").values()).extracting(d -> d.path("alert_id").asLong())
          .containsOnly(kept);
    }
  }

  @Test
  void aDeliveryPendingAtAStopIsResumedAtTheNextStart() throws IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    List<Integer> answers = new ArrayList<>(List.of(503));
    List<String> received = new ArrayList<>();
    receiver.createContext("/hook", exchange -> {
      int status;
      synchronized (received) {
        received.add(new String(exchange.getRequestBody().readAllBytes()));
        status = answers.isEmpty() ? 200 : answers.remove(0);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      Server before = start("data");
      long service = before.http.post("services",
          "{\"type\":\"webhook\",\"title\":\"hook\",\"settings\":{\"url\":\"" + url + "\"}}").get("id").asLong();
      long id = before.http.post("alerts", "{\"name\":\"cpu.high\",\"conditions\":[" + CPU_ABOVE_90
          + "],\"services\":[" + service + "]}").get("id").asLong();
      before.point("cpu", 5, 95);
      before.evaluateAt(10);
      // The first attempt gets 503; the retry waits longer than this emulator runs.
      await().atMost(Duration.ofSeconds(20))
          .until(() -> before.notifications(id).get(0).path("attempts").size() == 1);
      before.close();

      Server after = start("data");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> after.notifications(id).get(0).path("status").asText().equals("delivered"));
      JsonNode delivery = after.notifications(id).get(0);
      assertThat(delivery.path("attempts")).extracting(a -> a.path("status").asInt()).containsExactly(503, 200);
      synchronized (received) {
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.get(0));
      }
    } finally {
      receiver.stop(0);
    }
  }

  private Server start(String directory) {
    Server server = new Server(dir.resolve(directory));
    started.add(server);
    return server;
  }

  /** A durable emulator on the test's clock that evaluates alerts only when told; its alerts notify a mail service. */
  private final class Server implements AutoCloseable {
    final AppOpticsEmulator emulator;
    final Http http;

    Server(Path data) {
      emulator = AppOpticsEmulator.builder().dataDirectory(data).clock(clock).alertInterval(Duration.ZERO)
          .alertDelivery(5, Duration.ofMinutes(5)).start();
      http = new Http(emulator.baseUri());
    }

    /** Creates an alert with one condition, notifying a mail service (recorded, with its payload, as undelivered). */
    long alert(String name, String condition) {
      JsonNode services = http.get("services").path("services");
      long service = services.isEmpty()
          ? http.post("services", "{\"type\":\"mail\",\"title\":\"ops\",\"settings\":{\"addresses\":\"o@example.com\"}}")
              .get("id").asLong()
          : services.get(0).get("id").asLong();
      return http.post("alerts", "{\"name\":\"" + name + "\",\"conditions\":[" + condition + "],\"services\":["
          + service + "]}").get("id").asLong();
    }

    void point(String metric, long t, double value) {
      http.post("measurements", "{\"measurements\":[{\"name\":\"" + metric + "\",\"time\":" + (T0 + t)
          + ",\"value\":" + value + ",\"tags\":{\"host\":\"a\"}}]}");
    }

    void evaluateAt(long t) {
      clock.setEpochSecond(T0 + t);
      emulator.evaluateAlerts();
    }

    String status(long alert) {
      return http.get("alerts/" + alert + "/status").path("status").asText();
    }

    /** The alert's notifications, newest first. */
    JsonNode notifications(long alert) {
      return http.get("alerts/" + alert + "/notifications").path("notifications");
    }

    @Override
    public void close() {
      emulator.close();
    }
  }
}
