package dev.appoptics.emulator.internal.alerting;

/**
 * An alert's state as the status routes show it.
 *
 * @param firing whether an incident is open
 * @param triggeredAt when the current (or last) incident began, epoch seconds; {@link AlertState#NEVER} if none
 * @param clearedAt when the last incident ended; {@link AlertState#NEVER} if none has
 */
record AlertStatus(boolean firing, long triggeredAt, long clearedAt) {
  static final AlertStatus OK = new AlertStatus(false, AlertState.NEVER, AlertState.NEVER);
}
