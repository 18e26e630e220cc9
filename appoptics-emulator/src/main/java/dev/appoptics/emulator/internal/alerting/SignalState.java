package dev.appoptics.emulator.internal.alerting;

/**
 * What one condition remembers about one signal between evaluations, so that each evaluation reads only the points
 * that arrived since the last one. Not thread-safe: evaluations run one at a time.
 */
final class SignalState {
  static final long NONE = Long.MIN_VALUE;

  /** The evaluation that last saw this signal among the condition's matches. */
  long seenIn;
  /** Time of the newest point taken in, or {@link #NONE}. */
  long lastTime = NONE;
  /** The value of that point (for derivative: its mean; NaN when it had none). */
  double lastValue = Double.NaN;
  /** The previous point's mean, for derivative. */
  double previousMean = Double.NaN;
  /** Time of the first point of the current run of violating points, or {@link #NONE} when the last one was fine. */
  long runStart = NONE;
}
