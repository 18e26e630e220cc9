package dev.appoptics.emulator;

/**
 * Counters of a running emulator since it started or was last cleared.
 *
 * @param requests requests answered (or dropped), whatever their status
 * @param measurementsAccepted measurements stored by {@code POST /v1/measurements}
 * @param metrics metrics known
 * @param series series stored (one per metric and tag set)
 * @param points 1-second points stored across all series
 */
public record EmulatorStats(long requests, long measurementsAccepted, int metrics, int series, long points) {}
