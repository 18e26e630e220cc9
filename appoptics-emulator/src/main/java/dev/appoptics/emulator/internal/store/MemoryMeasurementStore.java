package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.internal.http.ApiError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * The series in memory: concurrent maps of series, each {@link Series} synchronized on its own, so writers of
 * different series never contend. This is the whole store of an in-memory emulator and the part of a durable one
 * that answers queries: the durable store checks and resolves a batch with {@link #prepare}, logs it, then adds it
 * with {@link #apply}, and loads saved series back with {@link #restoreSeries} and {@link Series#restore}.
 *
 * <p>Retention: {@link #expire()} drops the buckets each tier keeps no longer (by the clock) and forgets series left
 * empty; whoever runs the store calls it in the background.
 */
public final class MemoryMeasurementStore implements MeasurementStore {
  private static final int SERIES_MEMO = 256;

  private final MetricRegistry registry;
  private final int maxSeries;
  private final long maxPoints;
  private final Retention retention;
  private final Clock clock;
  private final BucketCapacity capacity;
  private final ConcurrentHashMap<String, ConcurrentHashMap<Map<String, String>, Series>> metrics =
      new ConcurrentHashMap<>();
  private final AtomicInteger seriesCount = new AtomicInteger();
  private final AtomicLong pointCount = new AtomicLong();
  private final AtomicLong lastSeriesId = new AtomicLong();
  private final LongAdder accepted = new LongAdder();

  public MemoryMeasurementStore(MetricRegistry registry, int maxSeries, long maxPoints, Retention retention,
      Clock clock) {
    this(registry, maxSeries, maxPoints, retention, clock, BucketCapacity.CAPACITY);
  }

  /** A store that keeps everything, on the system clock. */
  public MemoryMeasurementStore(MetricRegistry registry, int maxSeries, long maxPoints) {
    this(registry, maxSeries, maxPoints, Retention.forever(), Clock.systemUTC());
  }

  /** A store whose roll-up buckets hold at most {@code bucketCapacity} samples (tests use small ones). */
  MemoryMeasurementStore(MetricRegistry registry, int maxSeries, long maxPoints, long bucketCapacity) {
    this(registry, maxSeries, maxPoints, Retention.forever(), Clock.systemUTC(), bucketCapacity);
  }

  private MemoryMeasurementStore(MetricRegistry registry, int maxSeries, long maxPoints, Retention retention,
      Clock clock, long bucketCapacity) {
    this.registry = registry;
    this.maxSeries = maxSeries;
    this.maxPoints = maxPoints;
    this.retention = retention;
    this.clock = clock;
    this.capacity = new BucketCapacity(bucketCapacity);
  }

  @Override
  public MetricRegistry registry() {
    return registry;
  }

  @Override
  public List<Series> series(String metricName) {
    Map<Map<String, String>, Series> of = metrics.get(MetricRegistry.key(metricName));
    if (of == null) {
      return List.of();
    }
    List<Series> out = new ArrayList<>(of.values());
    out.sort(BY_TAGS);
    return out;
  }

  @Override
  public List<Series> find(String pattern) {
    List<Series> out = new ArrayList<>();
    for (Metric m : registry.find(pattern)) {
      out.addAll(series(m.name()));
    }
    return out;
  }

  /** Every series, in no particular order. */
  public List<Series> allSeries() {
    List<Series> out = new ArrayList<>(seriesCount.get());
    for (Map<Map<String, String>, Series> of : metrics.values()) {
      out.addAll(of.values());
    }
    return out;
  }

  @Override
  public int seriesCount() {
    return seriesCount.get();
  }

  @Override
  public long pointCount() {
    return pointCount.get();
  }

  @Override
  public long acceptedCount() {
    return accepted.sum();
  }

  @Override
  public long write(List<ParsedMeasurement> batch, String userAgent, long requestTime) {
    Prepared prepared = prepare(batch, userAgent, requestTime);
    try {
      long written = 0;
      for (ParsedMeasurement m : batch) {
        if (m.count != 0) {
          apply(m, userAgent);
          written++;
        }
      }
      countAccepted(written);
      return written;
    } finally {
      prepared.close();
    }
  }

  /**
   * A batch checked against the limits and the buckets' capacity, whose samples are reserved in that capacity until
   * it is closed, once written (or given up).
   */
  public final class Prepared implements AutoCloseable {
    private final long reserved;

    private Prepared(long reserved) {
      this.reserved = reserved;
    }

    @Override
    public void close() {
      capacity.release(reserved);
    }
  }

  /**
   * Checks the limits (a 403 when the batch would pass them) and the buckets' capacity (a 400 naming {@code
   * count}), and gives every measurement that holds samples its {@link ParsedMeasurement#series}, creating metrics
   * (gauges, {@code created_by_ua} = {@code userAgent}) and series as needed. Close what it returns once the batch is
   * written.
   */
  public Prepared prepare(List<ParsedMeasurement> batch, String userAgent, long requestTime) {
    checkLimits(batch, requestTime);
    Prepared prepared = new Prepared(capacity.reserve(batch));
    try {
      for (ParsedMeasurement m : batch) {
        if (m.count != 0 && m.series == null) {
          m.series = resolve(m, userAgent);
        }
      }
      return prepared;
    } catch (RuntimeException e) {
      prepared.close();
      throw e;
    }
  }

  /** The series {@code m} belongs in, creating its metric and the series when missing. */
  public Series resolve(ParsedMeasurement m, String userAgent) {
    Metric metric = registry.get(m.name).orElse(null);
    if (metric == null) {
      Map<String, Object> attributes = new LinkedHashMap<>(m.attributes);
      attributes.putIfAbsent("created_by_ua", userAgent);
      metric = registry.getOrCreate(
          Metric.gauge(m.name, m.period > 0 ? OptionalInt.of(m.period) : OptionalInt.empty(), attributes));
    }
    return seriesFor(metric.name(), m.tags);
  }

  /**
   * Adds a prepared measurement to its series, resolving the series again if the store let go of it meanwhile;
   * true when that made a new point.
   */
  public boolean apply(ParsedMeasurement m, String userAgent) {
    while (true) {
      int added = m.series.add(m.time, m.count, m.sum, m.min, m.max, m.last, m.squares);
      if (added >= 0) {
        if (added == 1) {
          pointCount.incrementAndGet();
        }
        return added == 1;
      }
      m.series = resolve(m, userAgent);
    }
  }

  /** Counts measurements written through {@link #prepare} and {@link #apply}. */
  public void countAccepted(long measurements) {
    accepted.add(measurements);
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
          return new Series(lastSeriesId.incrementAndGet(), metricName, t);
        });
  }

  /**
   * The series of a saved store, with the id it was saved under; the one already there when the metric and tags
   * have a series. Call {@link #recount()} when done restoring.
   */
  public Series restoreSeries(long id, String metricName, Map<String, String> tags) {
    lastSeriesId.accumulateAndGet(id, Math::max);
    return metrics
        .computeIfAbsent(MetricRegistry.key(metricName), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(tags, t -> new Series(id, metricName, t));
  }

  /** Counts series and points afresh, after series were restored. */
  public void recount() {
    List<Series> all = allSeries();
    long points = 0;
    for (Series s : all) {
      points += s.points();
    }
    seriesCount.set(all.size());
    pointCount.set(points);
  }

  @Override
  public void removeMetric(String name) {
    detachMetric(name);
  }

  /** Deletes a metric's series; returns them. */
  public List<Series> detachMetric(String name) {
    Map<Map<String, String>, Series> removed = metrics.remove(MetricRegistry.key(name));
    if (removed == null) {
      return List.of();
    }
    List<Series> out = new ArrayList<>(removed.values());
    for (Series s : out) {
      s.markRemoved();
      seriesCount.decrementAndGet();
      pointCount.addAndGet(-s.points());
    }
    return out;
  }

  @Override
  public void clear() {
    for (String key : new ArrayList<>(metrics.keySet())) {
      detachMetric(key);
    }
    accepted.reset();
  }

  /**
   * What one retention run did.
   *
   * @param cutoffs per tier, the time before which its buckets were dropped ({@link Long#MIN_VALUE}: none)
   * @param buckets the buckets dropped over all tiers
   * @param removed the series left empty and forgotten
   */
  public record Expiry(long[] cutoffs, long buckets, List<Series> removed) {}

  /** Drops what the retention keeps no longer, by the clock, and forgets the series left empty. */
  public Expiry expire() {
    long now = clock.instant().getEpochSecond();
    long[] cutoffs = new long[Series.TIERS];
    boolean any = false;
    for (int i = 0; i < cutoffs.length; i++) {
      cutoffs[i] = cutoff(i, now);
      any |= cutoffs[i] != Long.MIN_VALUE;
    }
    if (!any) {
      return new Expiry(cutoffs, 0, List.of());
    }
    long buckets = 0;
    List<Series> removed = new ArrayList<>();
    for (ConcurrentHashMap<Map<String, String>, Series> of : metrics.values()) {
      for (Series s : of.values()) {
        synchronized (s) {
          for (int i = 0; i < cutoffs.length; i++) {
            int dropped = s.expire(i, cutoffs[i]);
            buckets += dropped;
            if (i == 0) {
              pointCount.addAndGet(-dropped);
            }
          }
          if (s.isEmpty() && of.remove(s.tags(), s)) {
            s.markRemoved();
            seriesCount.decrementAndGet();
            removed.add(s);
          }
        }
      }
    }
    return new Expiry(cutoffs, buckets, removed);
  }

  /** The time before which tier {@code tier} keeps nothing at {@code now}, aligned to its width. */
  private long cutoff(int tier, long now) {
    java.time.Duration keep = retention.forWidth(Series.tierWidth(tier));
    if (keep.equals(Retention.FOREVER)) {
      return Long.MIN_VALUE;
    }
    long width = Series.tierWidth(tier);
    return Math.floorDiv(now - keep.getSeconds(), width) * width;
  }

  @Override
  public long resolutionFor(long start, long resolution) {
    long now = clock.instant().getEpochSecond();
    int serving = 0;
    for (int i = Series.TIERS - 1; i > 0; i--) {
      if (resolution % Series.tierWidth(i) == 0) {
        serving = i;
        break;
      }
    }
    if (start >= cutoff(serving, now)) {
      return resolution;
    }
    int holding = Series.TIERS - 1;
    for (int i = serving + 1; i < Series.TIERS; i++) {
      if (start >= cutoff(i, now)) {
        holding = i;
        break;
      }
    }
    long width = Series.tierWidth(holding);
    return resolution / gcd(resolution, width) * width;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
