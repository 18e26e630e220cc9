package dev.appoptics.emulator.internal.alerting;

import java.util.List;
import java.util.Locale;

/**
 * What the evaluator tells an alert's services: that an incident began or goes on ({@code TRIGGERED}, with the
 * violations behind it), or that it ended ({@code CLEARED}).
 *
 * @param kind triggered or cleared
 * @param rule the alert as it was when this was decided
 * @param incidentKey the same for every notification of one incident
 * @param triggerTime when the incident began (epoch seconds)
 * @param at when this notification was decided
 * @param violations the signals breaking conditions; empty for a cleared notification
 */
record Notification(
    Kind kind, AlertRule rule, String incidentKey, long triggerTime, long at, List<Violation> violations) {

  enum Kind {
    TRIGGERED,
    CLEARED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Notification {
    violations = List.copyOf(violations);
  }
}
