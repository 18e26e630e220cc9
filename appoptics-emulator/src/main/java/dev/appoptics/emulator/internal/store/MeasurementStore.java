package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.internal.http.ApiError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every stored series, per metric (name ignoring case) and tag set, with the emulator's series and point limits.
 * Thread-safe and lock-light: concurrent maps of series, each {@link Series} synchronized on its own.
 *
 * <p>Read API for other parts of the emulator (composite evaluation among them):
 *
 * <ul>
 *   <li>{@link #series(String)}: the series of one metric, sorted by their tags;
 *   <li>{@link #find(String)}: the series of every metric whose name matches a pattern with {@code *} wildcards;
 *   <li>{@link Series#tags()}, {@link Series#read(long, long, long, SummaryFunction)} and {@link
 *       Series#aggregates(long, long, long)} on each of them.
 * </ul>
 *
 * <pre>{@code
 * for (Series s : store.find("cpu.*")) {
 *   List<Point> points = s.read(start, end, 60, SummaryFunction.MEAN);
 * }
 * }</pre>
 */
public final class MeasurementStore {
  /** Orders series by their tag pairs, as query answers list them. */
  public static final Comparator<Series> BY_TAGS = Comparator.comparing(Series::tagsText);

  private static final int SERIES_MEMO = 256;

  private final MetricRegistry registry;
  private final int maxSeries;
  private final long maxPoints;
  private final BucketCapacity capacity;
  private final ConcurrentHashMap<String, ConcurrentHashMap<Map<String, String>, Series>> metrics =
      new ConcurrentHashMap<>();
  private final AtomicInteger seriesCount = new AtomicInteger();
  private final AtomicLong pointCount = new AtomicLong();
  private final LongAdder accepted = new LongAdder();

  public MeasurementStore(MetricRegistry registry, int maxSeries, long maxPoints) {
    this(registry, maxSeries, maxPoints, BucketCapacity.CAPACITY);
  }

  /** A store whose roll-up buckets hold at most {@code bucketCapacity} samples (tests use small ones). */
  MeasurementStore(MetricRegistry registry, int maxSeries, long maxPoints, long bucketCapacity) {
    this.registry = registry;
    this.maxSeries = maxSeries;
    this.maxPoints = maxPoints;
    this.capacity = new BucketCapacity(bucketCapacity);
  }

  public MetricRegistry registry() {
    return registry;
  }

  /** The series of one metric (name ignoring case), sorted by tags; empty when it has none. */
  public List<Series> series(String metricName) {
    Map<Map<String, String>, Series> of = metrics.get(MetricRegistry.key(metricName));
    if (of == null) {
      return List.of();
    }
    List<Series> out = new ArrayList<>(of.values());
    out.sort(BY_TAGS);
    return out;
  }

  /** The series of every metric whose name matches {@code pattern} ({@code *} wildcards), by metric then tags. */
  public List<Series> find(String pattern) {
    List<Series> out = new ArrayList<>();
    for (Metric m : registry.find(pattern)) {
      out.addAll(series(m.name()));
    }
    return out;
  }

  public int seriesCount() {
    return seriesCount.get();
  }

  public long pointCount() {
    return pointCount.get();
  }

  /** Measurements accepted since start or the last {@link #clear()}. */
  public long acceptedCount() {
    return accepted.sum();
  }

  /**
   * Stores a validated batch, or nothing when it would pass the series or point limit (403, shape C: the limits
   * are the emulator's account quota, and retrying does not help until data is deleted) or take a roll-up bucket
   * past the samples it holds (400 naming {@code count}, see {@link BucketCapacity}). Returns how many were
   * stored: all but those summarizing no samples ({@code count} 0), which the API counts as filtered.
   */
  public long write(List<ParsedMeasurement> batch, String userAgent, long requestTime) {
    checkLimits(batch, requestTime);
    long reserved = capacity.reserve(batch);
    try {
      return writeChecked(batch, userAgent);
    } finally {
      capacity.release(reserved);
    }
  }

  private long writeChecked(List<ParsedMeasurement> batch, String userAgent) {
    long written = 0;
    for (ParsedMeasurement m : batch) {
      if (m.count == 0) {
        continue;
      }
      Series s = m.series;
      if (s == null) {
        Metric metric = registry.get(m.name).orElse(null);
        if (metric == null) {
          Map<String, Object> attributes = new java.util.LinkedHashMap<>(m.attributes);
          attributes.putIfAbsent("created_by_ua", userAgent);
          metric = registry.getOrCreate(
              Metric.gauge(m.name, m.period > 0 ? OptionalInt.of(m.period) : OptionalInt.empty(), attributes));
        }
        s = seriesFor(metric.name(), m.tags);
      }
      if (s.add(m.time, m.count, m.sum, m.min, m.max, m.last, m.squares)) {
        pointCount.incrementAndGet();
      }
      written++;
    }
    accepted.add(written);
    return written;
  }

  private void checkLimits(List<ParsedMeasurement> batch, long requestTime) {
    Set<String> newMetrics = null;
    Set<String> newSeries = null;
    // The same few series recur through a batch, with the same name and tag instances (the parser shares them): a
    // small identity memo saves the lower-casing and two map lookups for each repeat.
    String[] memoNames = new String[SERIES_MEMO];
    Map<?, ?>[] memoTags = new Map<?, ?>[SERIES_MEMO];
    Series[] memoSeries = new Series[SERIES_MEMO];
    for (ParsedMeasurement m : batch) {
      int slot = (m.name.hashCode() * 31 + m.tags.hashCode()) & (SERIES_MEMO - 1);
      if (memoNames[slot] == m.name && memoTags[slot] == m.tags) {
        m.series = memoSeries[slot];
        continue;
      }
      Map<Map<String, String>, Series> of = metrics.get(MetricRegistry.key(m.name));
      m.series = of == null ? null : of.get(m.tags);
      if (m.series == null) {
        if (of == null) {
          Optional<Metric> metric = registry.get(m.name);
          if (metric.map(Metric::isComposite).orElse(false)) {
            throw ApiError.params("name", m.name + " is a composite metric and cannot take measurements");
          }
          if (metric.isEmpty()) {
            if (newMetrics == null) {
              newMetrics = new HashSet<>();
            }
            newMetrics.add(MetricRegistry.key(m.name));
          }
        }
        if (newSeries == null) {
          newSeries = new HashSet<>();
        }
        newSeries.add(MetricRegistry.key(m.name) + '\u0000' + m.tags);
      } else {
        memoNames[slot] = m.name;
        memoTags[slot] = m.tags;
        memoSeries[slot] = m.series;
      }
    }
    registry.checkRoom(newMetrics == null ? 0 : newMetrics.size());
    int adding = newSeries == null ? 0 : newSeries.size();
    if (adding > 0 && seriesCount.get() + (long) adding > maxSeries) {
      throw ApiError.singular(
          403,
          "Series limit reached: the emulator stores at most "
              + maxSeries
              + " series (max series); it holds "
              + seriesCount.get()
              + " and this payload would add "
              + adding);
    }
    if (pointCount.get() + batch.size() <= maxPoints) {
      return;
    }
    Set<String> newPoints = new HashSet<>();
    for (ParsedMeasurement m : batch) {
      if (m.series == null || !m.series.hasPoint(m.time)) {
        newPoints.add(MetricRegistry.key(m.name) + '\u0000' + m.tags + '\u0000' + m.time);
      }
    }
    if (pointCount.get() + newPoints.size() > maxPoints) {
      throw ApiError.singular(
          403,
          "Point limit reached: the emulator stores at most "
              + maxPoints
              + " points (max points, one per series and second); it holds "
              + pointCount.get()
              + " and this payload would add "
              + newPoints.size());
    }
  }

  private Series seriesFor(String metricName, Map<String, String> tags) {
    ConcurrentHashMap<Map<String, String>, Series> of =
        metrics.computeIfAbsent(MetricRegistry.key(metricName), k -> new ConcurrentHashMap<>());
    Series s = of.get(tags);
    if (s != null) {
      return s;
    }
    return of.computeIfAbsent(
        tags,
        t -> {
          seriesCount.incrementAndGet();
          return new Series(metricName, t);
        });
  }

  /** Deletes a metric's data (its metadata lives in the registry). */
  public void removeMetric(String name) {
    Map<Map<String, String>, Series> removed = metrics.remove(MetricRegistry.key(name));
    if (removed != null) {
      seriesCount.addAndGet(-removed.size());
      long points = 0;
      for (Series s : removed.values()) {
        points += s.points();
      }
      pointCount.addAndGet(-points);
    }
  }

  public void clear() {
    metrics.clear();
    seriesCount.set(0);
    pointCount.set(0);
    accepted.reset();
  }
}
