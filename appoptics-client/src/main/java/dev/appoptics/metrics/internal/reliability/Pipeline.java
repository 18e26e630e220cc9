package dev.appoptics.metrics.internal.reliability;

/**
 * What a reporter sends through: measurements go in with {@link #add}, and {@link #flush} and {@link #close} wait
 * until everything added before them is acknowledged or kept for later. {@link BatchPipeline} buffers in memory and
 * spools only what fails; {@link SpoolFirstPipeline} writes every batch to the spool before sending it.
 *
 * @param <M> the measurement type
 */
public interface Pipeline<M> extends AutoCloseable {
  /** Takes a measurement; false when it was dropped (see the implementation). */
  boolean add(M measurement);

  /**
   * Waits until everything added before this call is acknowledged, kept in the spool after failing, or lost (and
   * counted), and until one pass over the spool (batches of earlier runs included) has sent what it could.
   */
  void flush();

  /** Flushes, then stops the threads; later {@code add} calls fail. Idempotent. */
  @Override
  void close();

  PipelineCounters counters();

  /** Measurements taken but not yet cut into a batch. */
  int buffered();
}
