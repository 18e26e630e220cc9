package dev.appoptics.emulator.internal.alerting;

/**
 * One signal breaking one condition, as a notification reports it.
 *
 * @param signal the signal's key: a stream's tags as {@code name=value,…}, or a group's key
 * @param metric the metric name
 * @param value the value that broke the threshold; NaN for an absent signal
 * @param recordedAt the time of that point; for an absent signal, the time of its last point
 * @param conditionId the condition broken
 * @param count points in {@code [begin, end]}
 * @param begin start of the window the condition looked at (epoch seconds)
 * @param end end of that window
 */
record Violation(
    String signal, String metric, double value, long recordedAt, long conditionId, long count, long begin, long end) {}
