package dev.appoptics.emulator.internal.store;

import java.util.Comparator;
import java.util.List;

/**
 * Every stored series, per metric (name ignoring case) and tag set, with the emulator's series and point limits.
 * {@link MemoryMeasurementStore} keeps them in memory; a durable store (in the server module) also logs every
 * accepted batch before it is answered and saves the series in checkpoints, serving queries from the same memory.
 * Implementations are thread-safe.
 *
 * <p>Read API for other parts of the emulator (composite evaluation among them):
 *
 * <ul>
 *   <li>{@link #series(String)}: the series of one metric, sorted by their tags;
 *   <li>{@link #find(String)}: the series of every metric whose name matches a pattern with {@code *} wildcards;
 *   <li>{@link Series#tags()}, {@link Series#read(long, long, long, SummaryFunction)} and {@link
 *       Series#aggregates(long, long, long)} on each of them, at the resolution {@link #resolutionFor} gives.
 * </ul>
 *
 * <pre>{@code
 * long r = store.resolutionFor(start, 60);
 * for (Series s : store.find("cpu.*")) {
 *   List<Point> points = s.read(start, end, r, SummaryFunction.MEAN);
 * }
 * }</pre>
 */
public interface MeasurementStore {
  /** Orders series by their tag pairs, as query answers list them. */
  Comparator<Series> BY_TAGS = Comparator.comparing(Series::tagsText);

  MetricRegistry registry();

  /** The series of one metric (name ignoring case), sorted by tags; empty when it has none. */
  List<Series> series(String metricName);

  /** The series of every metric whose name matches {@code pattern} ({@code *} wildcards), by metric then tags. */
  List<Series> find(String pattern);

  int seriesCount();

  /** Stored 1-second buckets over all series. */
  long pointCount();

  /** Measurements accepted since start or the last {@link #clear()}. */
  long acceptedCount();

  /**
   * Stores a validated batch, or nothing when it would pass the series, point or metric limit (403, shape C: the
   * limits are the emulator's account quota, and retrying does not help until data is deleted) or take a roll-up
   * bucket past the samples it holds (400 naming {@code count}, see {@link BucketCapacity}). Returns how many were
   * stored: all but those summarizing no samples ({@code count} 0), which the API counts as filtered. When this
   * returns, the batch is as durable as the store promises.
   */
  long write(List<ParsedMeasurement> batch, String userAgent, long requestTime);

  /** Deletes a metric's data (its metadata lives in the registry). */
  void removeMetric(String name);

  /** Deletes every series. */
  void clear();

  /**
   * The resolution a query from {@code start} at {@code resolution} seconds is answered at: {@code resolution}
   * itself while the roll-up serving it still holds {@code start}; past that retention, a multiple of the finest
   * coarser roll-up that does (or of the coarsest, when none does).
   */
  long resolutionFor(long start, long resolution);
}
