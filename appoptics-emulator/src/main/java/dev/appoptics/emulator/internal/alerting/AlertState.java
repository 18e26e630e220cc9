package dev.appoptics.emulator.internal.alerting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert between evaluations: its condition watches and its incident (firing since when, under which key, when
 * services were last told). Kept apart from the alert resource: it is rebuilt from the data, not stored. Guarded by
 * the engine's lock.
 */
final class AlertState {
  static final long NEVER = Long.MIN_VALUE;

  AlertRule rule;
  /** Points before this time (epoch seconds) do not count: the conditions' last change, or the last manual clear. */
  long trackingStart;
  List<ConditionWatch> watches;
  boolean firing;
  long triggeredAt = NEVER;
  long clearedAt = NEVER;
  String incidentKey = "";
  long lastNotifiedAt = NEVER;
  /** With rearm per signal: when each signal was last part of a trigger notification. */
  final Map<String, Long> signalNotifiedAt = new HashMap<>();

  AlertState(AlertRule rule, long trackingStart) {
    watch(rule, trackingStart);
  }

  /** Watches the conditions of {@code newRule} from {@code start}, with new watches. */
  void watch(AlertRule newRule, long start) {
    rule = newRule;
    trackingStart = start;
    watches = new ArrayList<>();
    for (ConditionRule c : newRule.conditions()) {
      watches.add(new ConditionWatch(c));
    }
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
  }

  /** The incident as the status routes show it. */
  AlertStatus status() {
    return new AlertStatus(firing, triggeredAt, clearedAt);
  }
}
