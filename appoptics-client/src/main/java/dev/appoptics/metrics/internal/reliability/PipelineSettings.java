package dev.appoptics.metrics.internal.reliability;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link BatchPipeline} batches and sends.
 *
 * @param batchSize measurements per request at most
 * @param flushInterval longest time a measurement waits in a partly filled batch
 * @param capacity measurements the buffer holds before the overflow policy applies
 * @param block true: {@code add} waits for room when the buffer is full; false: it drops and counts
 * @param maxInFlight batches being sent at the same time
 * @param spool where batches go that failed after all retries, if anywhere
 * @param replayInterval how often a non-empty spool is retried while nothing else succeeds
 */
public record PipelineSettings(int batchSize, Duration flushInterval, int capacity, boolean block, int maxInFlight,
    Optional<Spool> spool, Duration replayInterval) {}
