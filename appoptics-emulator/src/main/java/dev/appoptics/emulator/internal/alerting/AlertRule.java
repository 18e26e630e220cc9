package dev.appoptics.emulator.internal.alerting;

import java.util.List;

/**
 * An alert as the evaluator reads it: what to watch, whom to tell, how often. Immutable; the alert resource hands out
 * a fresh one whenever asked (see {@link AlertCatalog}), and equal values mean nothing changed.
 *
 * @param id the alert id
 * @param name the alert name
 * @param runbookUrl the {@code runbook_url} attribute, or empty
 * @param active false when the alert is disabled
 * @param rearmSeconds least seconds between two trigger notifications of one incident
 * @param rearmPerSignal whether that spacing applies to each signal (stream) on its own
 * @param conditions the conditions, all of which must hold
 * @param serviceIds the notification services, by id
 * @param updatedAt the alert's {@code updated_at} (epoch seconds)
 */
public record AlertRule(
    long id,
    String name,
    String runbookUrl,
    boolean active,
    long rearmSeconds,
    boolean rearmPerSignal,
    List<ConditionRule> conditions,
    List<Long> serviceIds,
    long updatedAt) {

  public AlertRule {
    conditions = List.copyOf(conditions);
    serviceIds = List.copyOf(serviceIds);
  }

  /** Whether {@code other} watches the same data in the same way (services, name, rearm and condition ids aside). */
  boolean watchesLike(AlertRule other) {
    return watchKey().equals(other.watchKey());
  }

  /**
   * What this rule watches, as text: whether it is active, and its conditions without their ids. Equal keys watch
   * alike; the incident record keeps it to tell, after a restart, whether the conditions changed since.
   */
  String watchKey() {
    StringBuilder key = new StringBuilder(active ? "active" : "inactive");
    for (ConditionRule c : conditions) {
      key.append(';').append(c.withId(0));
    }
    return key.toString();
  }
}
