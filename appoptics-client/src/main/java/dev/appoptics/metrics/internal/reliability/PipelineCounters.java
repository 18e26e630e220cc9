package dev.appoptics.metrics.internal.reliability;

import java.util.concurrent.atomic.LongAdder;

/** The live counters of a {@link BatchPipeline}; each is cumulative since the pipeline started. */
public final class PipelineCounters {
  /** Measurements taken by {@code add}. */
  public final LongAdder accepted = new LongAdder();
  /** Measurements the API acknowledged (spool replays included). */
  public final LongAdder sent = new LongAdder();
  /** Requests sent again after a failed attempt. */
  public final LongAdder retried = new LongAdder();
  /** Measurements refused because the buffer was full, or evicted from a full spool. */
  public final LongAdder dropped = new LongAdder();
  /** Batches whose every attempt failed (then spooled or lost). */
  public final LongAdder failedRequests = new LongAdder();
  /** Measurements lost for good: refused by the API as invalid, or failed with no spool to keep them. */
  public final LongAdder failed = new LongAdder();
  /** Measurements written to the spool. */
  public final LongAdder spooled = new LongAdder();
}
