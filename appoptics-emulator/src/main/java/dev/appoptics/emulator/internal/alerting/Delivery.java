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
 * sent: a service type the emulator cannot deliver, or a missing URL). Its {@link #toJson} is both what the
 * notifications route shows and the record a durable emulator keeps (see {@link DeliveryLog}). Thread-safe.
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
  private final long alertId;
  private final Notification.Kind kind;
  private final String incidentKey;
  private final long createdAt;
  private final JsonNode service;
  private final JsonNode payload;
  private final List<Attempt> attempts = new ArrayList<>();
  private Status status = Status.PENDING;
  private String reason = "";

  Delivery(long id, Notification notification, JsonNode service, JsonNode payload) {
    this(id, notification.rule().id(), notification.kind(), notification.incidentKey(), notification.at(), service,
        payload);
  }

  private Delivery(long id, long alertId, Notification.Kind kind, String incidentKey, long createdAt,
      JsonNode service, JsonNode payload) {
    this.id = id;
    this.alertId = alertId;
    this.kind = kind;
    this.incidentKey = incidentKey;
    this.createdAt = createdAt;
    this.service = service;
    this.payload = payload;
  }

  /** The delivery {@link #toJson} recorded, as it was then. */
  static Delivery fromJson(JsonNode doc) {
    Delivery d = new Delivery(doc.path("id").asLong(), doc.path("alert_id").asLong(),
        Notification.Kind.valueOf(doc.path("kind").asText().toUpperCase(Locale.ROOT)),
        doc.path("incident_key").asText(), doc.path("created_at").asLong(), doc.path("service"), doc.path("payload"));
    d.status = Status.valueOf(doc.path("status").asText().toUpperCase(Locale.ROOT));
    d.reason = doc.path("reason").asText("");
    for (JsonNode a : doc.path("attempts")) {
      d.attempts.add(new Attempt(a.path("at").asLong(), a.path("status").asInt(0), a.path("error").asText(""),
          a.path("millis").asLong()));
    }
    return d;
  }

  long id() {
    return id;
  }

  long alertId() {
    return alertId;
  }

  long serviceId() {
    return service.path("id").asLong();
  }

  String serviceType() {
    return service.path("type").asText();
  }

  JsonNode payload() {
    return payload;
  }

  /** Deliveries of one alert to one service share a lane: they go out in order. */
  String lane() {
    return alertId + "/" + serviceId();
  }

  String kindName() {
    return kind.wireName();
  }

  /** {@code alert=ID service=ID TYPE KIND}, for log lines. */
  String label() {
    return "alert=" + alertId + " service=" + serviceId() + " " + serviceType() + " " + kind.wireName();
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

  synchronized String statusName() {
    return status.name().toLowerCase(Locale.ROOT);
  }

  synchronized String reason() {
    return reason;
  }

  synchronized boolean pending() {
    return status == Status.PENDING;
  }

  synchronized ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("alert_id", alertId);
    ObjectNode svc = out.putObject("service");
    svc.set("id", service.path("id"));
    svc.set("type", service.path("type"));
    svc.set("title", service.path("title"));
    out.put("kind", kind.wireName());
    out.put("incident_key", incidentKey);
    out.put("created_at", createdAt);
    out.put("status", statusName());
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
