package dev.appoptics.metrics;

import dev.appoptics.metrics.internal.reliability.BatchPipeline;
import dev.appoptics.metrics.internal.reliability.Pipeline;
import dev.appoptics.metrics.internal.reliability.PipelineCounters;
import dev.appoptics.metrics.internal.reliability.PipelineSettings;
import dev.appoptics.metrics.internal.reliability.Retrier;
import dev.appoptics.metrics.internal.reliability.Spool;
import dev.appoptics.metrics.internal.reliability.SpoolFirstPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends measurements in the background: many threads {@link #add} to a bounded buffer, a batcher cuts batches by
 * count ({@link Builder#batchSize}) and by age ({@link Builder#flushInterval}), and several batches are sent at once
 * ({@link Builder#maxInFlight}) with the connection's {@link RetryPolicy}. When the buffer is full the
 * {@link OverflowPolicy} applies: wait, or drop and count. With a {@link Builder#spool spool} directory, batches that
 * still fail after the retries are written to disk and re-sent, oldest first, once the service answers again, also
 * after a restart. With {@link Builder#spoolFirst spoolFirst}, every batch is written to the spool before it is sent,
 * so a killed process loses at most the batch being cut. {@link #close()} sends everything before it returns.
 *
 * <pre>{@code
 * try (Reporter reporter = Reporter.builder(api)
 *     .tags(Map.of("service", "checkout"))
 *     .spool(Path.of("/var/spool/appoptics"))
 *     .build()) {
 *   reporter.add("orders.placed", 1, Map.of("region", "eu"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Measurements are validated and their tags resolved (measurement over reporter over connection)
 * in {@code add}, so bad input fails there, in the caller's thread. {@link #stats()} reports what happened to
 * everything accepted. What each kind of failure loses or doubles, per mode: {@code docs/reliability.md}.
 */
public final class Reporter implements AutoCloseable {
  private final Measurements api;
  private final Map<String, String> tags;
  private final Pipeline<Measurement> pipeline;

  private Reporter(Builder b) {
    this.api = b.connection.measurementsApi();
    this.tags = b.tags;
    Rest rest = b.connection.rest();
    Retrier retrier = rest.retrier();
    if (b.spoolFirst && b.spoolDir == null) {
      throw new InvalidInputException("spoolFirst", true, "needs a spool directory: spool(directory)");
    }
    if (b.spoolFirst && b.onAcknowledged != null) {
      throw new InvalidInputException("onAcknowledged", "set", "is not told under spoolFirst: every batch is sent"
          + " from the spool, where it is kept encoded only");
    }
    if (b.spoolFirst && retrier.policy().delivery() == RetryPolicy.Delivery.AT_MOST_ONCE) {
      throw new InvalidInputException("spoolFirst", true, "needs AT_LEAST_ONCE delivery: a batch in flight when the"
          + " process dies is sent again at the next start, and it may have been stored already");
    }
    Optional<Spool> spool = b.spoolDir == null ? Optional.empty() : Optional.of(Spool.open(b.spoolDir, b.spoolMaxBytes));
    PipelineSettings settings = new PipelineSettings(b.batchSize, b.flushInterval, b.bufferCapacity,
        b.overflowPolicy == OverflowPolicy.BLOCK, b.maxInFlight, spool, b.replayInterval);
    // Encoded (and compressed, above the threshold) once per batch: retries and the spool reuse the same bytes.
    Function<List<Measurement>, byte[]> encoder = batch -> rest.wireBody(MeasurementJson.encode(batch));
    Consumer<byte[]> sender = body -> api.checkAccepted(rest.sendOnce("POST", "measurements", null, body));
    this.pipeline = b.spoolFirst
        ? new SpoolFirstPipeline<>(settings, encoder, sender, retrier, b.onFailure, "appoptics-reporter")
        : new BatchPipeline<>(settings, encoder, sender, retrier, b.onFailure,
            b.onAcknowledged == null ? batch -> {} : b.onAcknowledged, "appoptics-reporter");
  }

  /** Starts configuring a reporter that sends through {@code connection}. */
  public static Builder builder(AppOptics connection) {
    return new Builder(Objects.requireNonNull(connection, "connection == null"));
  }

  /** Adds a value with exactly these tags (or the inherited ones when {@code tags} is empty). */
  public boolean add(String name, double value, Map<String, String> tags) {
    return pipeline.add(api.resolveValue(name, value, tags, this.tags));
  }

  /** Adds a value tagged with the reporter's and the connection's tags. */
  public boolean add(String name, double value) {
    return add(Measurement.builder(name).value(value).build());
  }

  /**
   * Adds a measurement. Returns true when it was buffered, false when it was dropped (buffer full under
   * {@link OverflowPolicy#DROP}, or the thread was interrupted while waiting under {@link OverflowPolicy#BLOCK}).
   *
   * @throws InvalidInputException if the measurement is invalid (bad name or tags)
   * @throws IllegalStateException if the reporter is closed
   */
  public boolean add(Measurement measurement) {
    return pipeline.add(api.resolve(Check.notNull("measurement", measurement), tags));
  }

  /**
   * Sends everything added so far and waits until it is acknowledged, spooled after failing or given up; with a
   * spool, also until one pass over it has sent what it could (batches left by an earlier run included).
   */
  public void flush() {
    pipeline.flush();
  }

  /** A snapshot of the counters. */
  public ReporterStats stats() {
    PipelineCounters c = pipeline.counters();
    return new ReporterStats(c.accepted.sum(), c.sent.sum(), c.retried.sum(), c.dropped.sum(),
        c.failedRequests.sum(), c.failed.sum(), c.spooled.sum(), pipeline.buffered(), c.possibleDuplicates.sum());
  }

  /** Sends everything still buffered, waits for it, then stops; idempotent. Does not close the connection. */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "Reporter" + stats();
  }

  /** Configures a {@link Reporter}; every setter validates its value and names it in the error. */
  public static final class Builder {
    private final AppOptics connection;
    private Map<String, String> tags = Map.of();
    private int batchSize = 500;
    private Duration flushInterval = Duration.ofSeconds(1);
    private int bufferCapacity = 100_000;
    private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
    private int maxInFlight = 4;
    private Path spoolDir;
    private boolean spoolFirst;
    private long spoolMaxBytes = 256L * 1024 * 1024;
    private Duration replayInterval = Duration.ofSeconds(5);
    private Consumer<RuntimeException> onFailure = e -> {};
    private Consumer<List<Measurement>> onAcknowledged;

    private Builder(AppOptics connection) {
      this.connection = connection;
    }

    /** Tags for every measurement that does not bring its own (over the connection's tags). */
    public Builder tags(Map<String, String> tags) {
      this.tags = Tags.copy(Check.notNull("tags", tags));
      return this;
    }

    /** Measurements per request, 1..1000 (default 500; the API advises staying under 1000). */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 1000) {
        throw new InvalidInputException("batchSize", batchSize, "must be between 1 and 1000");
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Longest time a measurement waits for its batch to fill (default 1 s); positive. */
    public Builder flushInterval(Duration flushInterval) {
      this.flushInterval = positive("flushInterval", flushInterval);
      return this;
    }

    /** Measurements the buffer holds before the overflow policy applies (default 100,000); positive. */
    public Builder bufferCapacity(int bufferCapacity) {
      if (bufferCapacity < 1) {
        throw new InvalidInputException("bufferCapacity", bufferCapacity, "must be positive");
      }
      this.bufferCapacity = bufferCapacity;
      return this;
    }

    /** What {@code add} does when the buffer is full (default {@link OverflowPolicy#BLOCK}). */
    public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
      this.overflowPolicy = Check.notNull("overflowPolicy", overflowPolicy);
      return this;
    }

    /** Batches sent at the same time (default 4); 1..64. */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 64) {
        throw new InvalidInputException("maxInFlight", maxInFlight, "must be between 1 and 64");
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Keeps batches that failed after all retries in {@code directory} and re-sends them later. */
    public Builder spool(Path directory) {
      this.spoolDir = Check.notNull("spool directory", directory);
      return this;
    }

    /**
     * Writes every batch to the spool before sending it (default false; needs {@link #spool} and at-least-once
     * delivery). A process that dies then loses at most the batch being cut (fewer than {@link #batchSize}
     * measurements, at most {@link #flushInterval} old) instead of the whole buffer; batches in flight are sent again
     * at the next start (possible duplicates). The adding thread that fills a batch writes it to disk, and the
     * spool's bound takes the buffer's place ({@link #bufferCapacity} and {@link #overflowPolicy} do not apply).
     */
    public Builder spoolFirst(boolean spoolFirst) {
      this.spoolFirst = spoolFirst;
      return this;
    }

    /** Bound of the spool directory in bytes (default 256 MiB); the oldest batches are evicted beyond it. */
    public Builder spoolMaxBytes(long spoolMaxBytes) {
      if (spoolMaxBytes < 1) {
        throw new InvalidInputException("spoolMaxBytes", spoolMaxBytes, "must be positive");
      }
      this.spoolMaxBytes = spoolMaxBytes;
      return this;
    }

    /** How often a non-empty spool is retried while no send succeeds (default 5 s); positive. */
    public Builder replayInterval(Duration replayInterval) {
      this.replayInterval = positive("replayInterval", replayInterval);
      return this;
    }

    /** Told, on a sender thread, about every batch given up after its retries (spooled or lost). */
    public Builder onFailure(Consumer<RuntimeException> onFailure) {
      this.onFailure = Check.notNull("onFailure", onFailure);
      return this;
    }

    /**
     * Told, on a sender thread, about every batch the API acknowledged (answered 2xx), with its measurements as
     * they were sent (tags resolved). Batches re-sent from the spool are counted in {@link Reporter#stats()} but not
     * told here: the spool keeps them encoded only (so this cannot be combined with {@link #spoolFirst}). For a
     * record of what the server holds, e.g. to check a server after a crash.
     */
    public Builder onAcknowledged(Consumer<List<Measurement>> onAcknowledged) {
      this.onAcknowledged = Check.notNull("onAcknowledged", onAcknowledged);
      return this;
    }

    /** Starts the reporter's threads; a non-empty spool starts being re-sent at once. */
    public Reporter build() {
      return new Reporter(this);
    }

    private static Duration positive(String name, Duration d) {
      Check.notNull(name, d);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidInputException(name, d, "must be positive");
      }
      return d;
    }
  }
}
