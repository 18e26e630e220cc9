package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An emulator for alert tests: its clock starts at {@link #T0} and moves only when the test says so, and alerts are
 * evaluated only by {@link #evaluateAt}. Every request-log line is kept in {@link #log}.
 */
final class AlertFixture implements AutoCloseable {
  /** A whole minute, so that grouped 60-second buckets start on it. */
  static final long T0 = 1_700_000_040L;

  final ManualClock clock = ManualClock.atEpochSecond(T0);
  final List<String> log = new CopyOnWriteArrayList<>();
  final AppOpticsEmulator emulator;
  final TestHttp http;

  AlertFixture() {
    this(b -> {});
  }

  AlertFixture(Consumer<AppOpticsEmulator.Builder> configure) {
    AppOpticsEmulator.Builder builder =
        AppOpticsEmulator.builder().clock(clock).alertInterval(Duration.ZERO).requestLog(log::add);
    configure.accept(builder);
    emulator = builder.start();
    http = new TestHttp(emulator.baseUri(), "token");
  }

  /** Creates an alert from its JSON body; its id. */
  long alert(String json) {
    TestHttp.Answer answer = http.post("alerts", json);
    assertThat(answer.status()).as("%s", answer).isEqualTo(201);
    return answer.json().path("id").asLong();
  }

  /** Creates a notification service with a {@code url} setting; its id. */
  long service(String type, String url) {
    TestHttp.Answer answer = http.post("services",
        "{\"type\":\"" + type + "\",\"title\":\"" + type + " receiver\",\"settings\":{\"url\":\"" + url + "\"}}");
    assertThat(answer.status()).as("%s", answer).isEqualTo(201);
    return answer.json().path("id").asLong();
  }

  /** Posts one measurement; {@code tags} is the inside of a JSON object, e.g. {@code "host":"a"}. */
  void point(String metric, long time, double value, String tags) {
    write("{\"name\":\"%s\",\"time\":%d,\"value\":%s,\"tags\":{%s}}".formatted(metric, time, value, tags));
  }

  /** Posts measurements given as JSON objects. */
  void write(String... measurements) {
    TestHttp.Answer answer = http.post("measurements", "{\"measurements\":[" + String.join(",", measurements) + "]}");
    assertThat(answer.status()).as("%s", answer).isEqualTo(202);
  }

  /** Sets the clock to {@code time} and evaluates every alert there. */
  void evaluateAt(long time) {
    clock.setEpochSecond(time);
    emulator.evaluateAlerts();
  }

  String status(long alert) {
    return http.get("alerts/" + alert + "/status").json().path("status").asText();
  }

  JsonNode accountStatus() {
    return http.get("alerts/status").json();
  }

  /** The alert's notifications, newest first. */
  JsonNode notifications(long alert) {
    return http.get("alerts/" + alert + "/notifications").json().path("notifications");
  }

  @Override
  public void close() {
    emulator.close();
  }
}
