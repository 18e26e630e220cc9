package dev.appoptics.emulator.internal.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert between evaluations: its condition watches and its incident (firing since when, under which key, when
 * services were last told, since when points count). The incident is recorded as a document (see {@link
 * #document}) whenever it changes, so that it outlives a restart; the watches' positions in the data are not: the
 * first evaluation after a start finds them again. Kept apart from the alert resource. Guarded by the engine's lock.
 */
final class AlertState {
  static final long NEVER = Long.MIN_VALUE;

  AlertRule rule;
  /** Points before this time (epoch seconds) do not count: the conditions' last change, or the last manual clear. */
  long trackingStart;
  List<ConditionWatch> watches;
  boolean firing;
  /** The number of the current (or last) incident in its key; 0 before the first. */
  long incident;
  long triggeredAt = NEVER;
  long clearedAt = NEVER;
  long lastNotifiedAt = NEVER;
  /** With rearm per signal: when each signal was last part of a trigger notification. */
  final Map<String, Long> signalNotifiedAt = new HashMap<>();
  /**
   * Runs of violating points that reached their duration by this time and were broken again were judged before a
   * restart: the end of the last incident. The first evaluation after a start reads the newest data again (signal
   * positions are not recorded); without this, a spike that already fired and cleared would fire again.
   */
  long judgedUntil = NEVER;
  /** Changed since its document was last written. */
  boolean unsaved = true;

  AlertState(AlertRule rule, long trackingStart) {
    watch(rule, trackingStart);
  }

  /**
   * The state {@link #document} recorded for {@code rule}. When the conditions changed after it was written (the
   * evaluation that would have seen the change did not run before the stop), tracking starts anew from the change,
   * as it would have.
   */
  static AlertState restored(AlertRule rule, JsonNode document) {
    AlertState alert = new AlertState(rule, document.path("tracking_start").asLong(rule.updatedAt()));
    alert.restore(document);
    if (!alert.firing) {
      alert.judgedUntil = alert.clearedAt;
    }
    if (!document.path("watch").asText().equals(rule.watchKey())) {
      alert.trackingStart = Math.max(alert.trackingStart, rule.updatedAt());
    } else {
      alert.unsaved = false;
    }
    return alert;
  }

  /** Watches the conditions of {@code newRule} from {@code start}, with new watches. */
  void watch(AlertRule newRule, long start) {
    rule = newRule;
    trackingStart = start;
    watches = new ArrayList<>();
    for (ConditionRule c : newRule.conditions()) {
      watches.add(new ConditionWatch(c));
    }
    unsaved = true;
  }

  /** Takes a rule that watches like the current one (see {@link AlertRule#watchesLike}), keeping what was seen. */
  void adopt(AlertRule same) {
    rule = same;
    for (int i = 0; i < watches.size(); i++) {
      watches.get(i).renew(same.conditions().get(i));
    }
  }

  /** Reads every signal afresh from {@code start}, keeping the watches (the engine's index points at them). */
  void restartFrom(long start) {
    trackingStart = Math.max(trackingStart, start);
    for (ConditionWatch w : watches) {
      w.reset();
    }
    unsaved = true;
  }

  /** The key every notification of the current incident carries. */
  String incidentKey() {
    return "alert-" + rule.id() + "-incident-" + incident;
  }

  /** The incident as the status routes show it. */
  AlertStatus status() {
    return new AlertStatus(firing, triggeredAt, clearedAt);
  }

  /** The incident and what it depends on, as recorded in the resource store; times left out are {@link #NEVER}. */
  ObjectNode document() {
    ObjectNode doc = Json.object();
    doc.put("alert_id", rule.id());
    doc.put("watch", rule.watchKey());
    doc.put("tracking_start", trackingStart);
    doc.put("firing", firing);
    doc.put("incident", incident);
    putTime(doc, "triggered_at", triggeredAt);
    putTime(doc, "cleared_at", clearedAt);
    putTime(doc, "last_notified_at", lastNotifiedAt);
    ObjectNode signals = doc.putObject("signals_notified_at");
    signalNotifiedAt.forEach(signals::put);
    return doc;
  }

  private void restore(JsonNode doc) {
    firing = doc.path("firing").asBoolean();
    incident = doc.path("incident").asLong();
    triggeredAt = doc.path("triggered_at").asLong(NEVER);
    clearedAt = doc.path("cleared_at").asLong(NEVER);
    lastNotifiedAt = doc.path("last_notified_at").asLong(NEVER);
    doc.path("signals_notified_at").properties()
        .forEach(e -> signalNotifiedAt.put(e.getKey(), e.getValue().asLong()));
  }

  private static void putTime(ObjectNode doc, String field, long time) {
    if (time != NEVER) {
      doc.put(field, time);
    }
  }
}
