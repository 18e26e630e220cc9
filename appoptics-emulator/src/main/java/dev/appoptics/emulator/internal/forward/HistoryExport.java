package dev.appoptics.emulator.internal.forward;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Replays stored history to a Prometheus remote-write receiver with the same mapping and delivery rules as live
 * forwarding, synchronously: roll-up buckets go in with {@link #add} and leave in requests of up to
 * {@value Destination#MAX_SAMPLES_PER_REQUEST} samples. A bucket summarizes many samples, so each becomes the
 * five samples of a summary. Not thread-safe.
 *
 * <pre>{@code
 * try (HistoryExport export = new HistoryExport(url, Map.of(), descriptions, Duration.ofMinutes(2))) {
 *   export.add("cpu.load", Map.of("host", "web1"), 1700000000, 60, 42.0, 0.1, 0.9, 0.7);
 * } // flushes
 * }</pre>
 */
public final class HistoryExport implements AutoCloseable {
  private final Delivery delivery;
  private final MetricDescriptions descriptions;
  private final Duration giveUpAfter;
  private final ForwardStats stats = new ForwardStats();
  private final SeriesTable seriesTable = new SeriesTable();
  private PointBatch batch;

  /**
   * @param giveUpAfter how long one request may keep failing with retryable errors before the export fails
   */
  public HistoryExport(URI url, Map<String, String> headers, MetricDescriptions descriptions, Duration giveUpAfter) {
    WireLibraries.require(true, false, HistoryExport.class.getClassLoader());
    this.descriptions = descriptions;
    this.giveUpAfter = giveUpAfter;
    this.delivery = new Delivery(Wire.remoteWrite(descriptions, Clock.systemUTC()::millis),
        new HttpPost(url, headers), Backoff.DEFAULT, stats);
    this.batch = new PointBatch(descriptions, seriesTable);
  }

  /** One roll-up bucket of one series; {@code time} in epoch seconds. */
  public void add(String metric, Map<String, String> tags, long time, long count, double sum, double min,
      double max, double last) {
    batch.add(metric, tags, time, false, count, sum, min, max, last);
    if (batch.samples() >= Destination.MAX_SAMPLES_PER_REQUEST) {
      flush();
    }
  }

  /** Sends what is buffered; fails with {@link IllegalStateException} when the receiver stays unreachable. */
  public void flush() {
    if (batch.samples() == 0) {
      return;
    }
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    try {
      if (!delivery.deliver(batch.series(), () -> System.nanoTime() > deadline)) {
        throw new IllegalStateException(delivery.receiver() + " did not take the history for " + giveUpAfter
            .toSeconds() + " s (no answer, 429 or 5xx); stopped the export");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("export interrupted", e);
    }
    batch = new PointBatch(descriptions, seriesTable);
  }

  /** Samples the receiver accepted. */
  public long sentSamples() {
    return stats.sentSamples.sum();
  }

  /** Samples the receiver refused (each logged); they are not retried. */
  public long refusedSamples() {
    return stats.refusedSamples.sum();
  }

  /** Requests sent again after no answer, 429 or 5xx. */
  public long retriedRequests() {
    return stats.retriedRequests.sum();
  }

  @Override
  public void close() {
    flush();
  }
}
