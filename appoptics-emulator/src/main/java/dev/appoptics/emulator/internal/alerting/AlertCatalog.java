package dev.appoptics.emulator.internal.alerting;

import java.util.List;
import java.util.Optional;

/**
 * Where the evaluator reads the alerts from: the alert resource. Called from the evaluation thread and from request
 * threads; an implementation must not call back into alerting while holding its own lock.
 */
public interface AlertCatalog {
  /** Every alert, active or not, in id order. */
  List<AlertRule> rules();

  /** One alert, or empty when no alert has this id. */
  Optional<AlertRule> rule(long id);
}
