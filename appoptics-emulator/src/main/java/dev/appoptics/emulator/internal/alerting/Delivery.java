package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One notification to one service and what became of it: {@code pending} while attempts go on, then {@code
 * delivered}, {@code failed} (every attempt failed, or the receiver refused it for good) or {@code undelivered} (never
 * sent: a service type the emulator cannot deliver, or a missing URL). Thread-safe.
 */
final class Delivery {
  enum Status {
    PENDING,
    DELIVERED,
    FAILED,
    UNDELIVERED
  }

  /** One try: when (epoch seconds), the HTTP status or 0 when none came back, the error, how long it took. */
  record Attempt(long at, int status, String error, long millis) {}

  private final long id;
  private final Notification notification;
  private final JsonNode service;
  private final JsonNode payload;
  private final List<Attempt> attempts = new ArrayList<>();
  private Status status = Status.PENDING;
  private String reason = "";

  Delivery(long id, Notification notification, JsonNode service, JsonNode payload) {
    this.id = id;
    this.notification = notification;
    this.service = service;
    this.payload = payload;
  }

  long alertId() {
    return notification.rule().id();
  }

  String serviceType() {
    return service.path("type").asText();
  }

  /** Deliveries of one alert to one service share a lane: they go out in order. */
  String lane() {
    return alertId() + "/" + service.path("id").asLong();
  }

  String kindName() {
    return notification.kind().wireName();
  }

  /** {@code alert=ID service=ID TYPE KIND}, for log lines. */
  String label() {
    return "alert=" + alertId() + " service=" + service.path("id").asLong() + " " + serviceType() + " "
        + notification.kind().wireName();
  }

  synchronized void attempted(Attempt attempt) {
    attempts.add(attempt);
  }

  synchronized int attemptCount() {
    return attempts.size();
  }

  synchronized void finish(Status outcome, String why) {
    status = outcome;
    reason = why;
  }

  synchronized ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("alert_id", alertId());
    ObjectNode svc = out.putObject("service");
    svc.set("id", service.path("id"));
    svc.set("type", service.path("type"));
    svc.set("title", service.path("title"));
    out.put("kind", notification.kind().wireName());
    out.put("incident_key", notification.incidentKey());
    out.put("created_at", notification.at());
    out.put("status", status.name().toLowerCase(Locale.ROOT));
    if (!reason.isEmpty()) {
      out.put("reason", reason);
    }
    ArrayNode tries = out.putArray("attempts");
    for (Attempt a : attempts) {
      ObjectNode t = tries.addObject().put("at", a.at());
      if (a.status() > 0) {
        t.put("status", a.status());
      }
      if (!a.error().isEmpty()) {
        t.put("error", a.error());
      }
      t.put("millis", a.millis());
    }
    out.set("payload", payload);
    return out;
  }
}
