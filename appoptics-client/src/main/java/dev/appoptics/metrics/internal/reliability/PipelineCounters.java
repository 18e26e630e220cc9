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
  /**
   * Batches sent again after an attempt that got no answer (a timeout or a dropped connection once the request was
   * written): the first attempt may have been stored, so each of these may be stored twice.
   */
  public final LongAdder possibleDuplicates = new LongAdder();
  /** Measurements refused because the buffer was full, or evicted from a full spool. */
  public final LongAdder dropped = new LongAdder();
  /** Batches whose every attempt failed (then spooled or lost). */
  public final LongAdder failedRequests = new LongAdder();
  /** Measurements lost for good: refused by the API as invalid, or failed with no spool to keep them. */
  public final LongAdder failed = new LongAdder();
  /** Measurements left in the spool for later: after failing, or (spool first) with every sender busy. */
  public final LongAdder spooled = new LongAdder();
}
