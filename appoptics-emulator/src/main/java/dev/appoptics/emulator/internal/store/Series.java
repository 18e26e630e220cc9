package dev.appoptics.emulator.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data of one metric for one tag set: 1-second buckets plus roll-up tiers at 60, 900 and 3600 seconds, all
 * maintained as measurements arrive. Thread-safe: writers and readers synchronize on the series, so different series
 * never contend.
 *
 * <p>Reading at a resolution {@code R} uses the coarsest tier whose width divides {@code R} and merges its buckets
 * into points at {@code R}-aligned times ({@code floor(t / R) * R}); {@code start} is aligned down the same way and
 * points up to and including {@code end} are returned.
 *
 * <p>A store that saves series reads each tier's buckets with {@link #visit} and puts them back with {@link
 * #restore}; {@link #id()} names the series in what it saves.
 */
public final class Series {
  static final int[] TIER_WIDTHS = {1, 60, 900, 3600};
  /** The number of tiers; tier {@code i} is {@link #tierWidth(int) tierWidth(i)} seconds wide. */
  public static final int TIERS = TIER_WIDTHS.length;
  /** The width of the widest tier, whose buckets each hold whole buckets of every finer tier. */
  static final int WIDEST = 3600;

  private final long id;
  private final String metric;
  private final Map<String, String> tags;
  /** The tags as text, for ordering series; built once, since sorting compares each series many times. */
  private final String tagsText;
  private final Tier[] tiers = new Tier[TIER_WIDTHS.length];
  /** Set when the store let go of this series; a writer holding it then looks the series up again. */
  private volatile boolean removed;
  /** The largest count of any bucket of the widest tier, which holds each finer bucket (see {@link BucketCapacity}). */
  private volatile long fullestBucket;

  Series(long id, String metric, Map<String, String> tags) {
    this.id = id;
    this.metric = metric;
    this.tags = tags;
    this.tagsText = tags.toString();
    for (int i = 0; i < tiers.length; i++) {
      tiers[i] = new Tier(TIER_WIDTHS[i]);
    }
  }

  /** The width in seconds of tier {@code index} (0 holds the 1-second buckets). */
  public static int tierWidth(int index) {
    return TIER_WIDTHS[index];
  }

  /** A number naming this series within its store, never reused while the store runs. */
  public long id() {
    return id;
  }

  /** The metric name as first written. */
  public String metric() {
    return metric;
  }

  /** The tags of this series, names lower-cased, sorted by name, unmodifiable. */
  public Map<String, String> tags() {
    return tags;
  }

  String tagsText() {
    return tagsText;
  }

  /**
   * Adds one measurement summary; 1 when it opened a new 1-second bucket (a new stored point), 0 when it merged into
   * one, -1 when the store had already removed this series (nothing added).
   */
  synchronized int add(long time, long count, double sum, double min, double max, double last, double squares) {
    if (removed) {
      return -1;
    }
    boolean created = tiers[0].add(time, count, sum, min, max, last, squares);
    for (int i = 1; i < tiers.length; i++) {
      tiers[i].add(time, count, sum, min, max, last, squares);
    }
    long widest = tiers[tiers.length - 1].addedTo();
    if (widest > fullestBucket) {
      fullestBucket = widest;
    }
    return created ? 1 : 0;
  }

  /** The largest sample count of any of its buckets; read without locking. */
  long fullestBucket() {
    return fullestBucket;
  }

  /** The sample count of the widest bucket holding {@code time}. */
  synchronized long hourCount(long time) {
    return tiers[tiers.length - 1].countAt(time);
  }

  synchronized boolean hasPoint(long time) {
    return tiers[0].has(time);
  }

  synchronized void markRemoved() {
    removed = true;
  }

  /** Whether the store has let go of this series (its metric was deleted, or all its data expired). */
  public boolean isRemoved() {
    return removed;
  }

  /** Number of stored 1-second buckets. */
  public synchronized int points() {
    return tiers[0].size();
  }

  /** Whether no tier holds a bucket. */
  public synchronized boolean isEmpty() {
    for (Tier t : tiers) {
      if (t.size() > 0) {
        return false;
      }
    }
    return true;
  }

  /** Hands the buckets of tier {@code tier} that start in {@code [from, to]} to {@code visitor}, oldest first. */
  public synchronized void visit(int tier, long from, long to, BucketVisitor visitor) {
    tiers[tier].visit(from, to, visitor);
  }

  /** Puts back one bucket of tier {@code tier} as {@link #visit} handed it out; true when it was a new bucket. */
  public synchronized boolean restore(int tier, long time, long count, double sum, double min, double max,
      double last, long lastTime, double sumSquares) {
    if (tier == tiers.length - 1 && count > fullestBucket) {
      fullestBucket = count;
    }
    return tiers[tier].restore(time, count, sum, min, max, last, lastTime, sumSquares);
  }

  /** Drops the buckets of tier {@code tier} that start before {@code time}; returns how many. */
  public synchronized int expire(int tier, long time) {
    return tiers[tier].oldest() < time ? tiers[tier].dropBefore(time) : 0;
  }

  /** The merged buckets at {@code resolution} seconds with aligned time in {@code [start, end]}, oldest first. */
  public List<Aggregate> aggregates(long start, long end, long resolution) {
    if (resolution < 1) {
      throw new IllegalArgumentException("resolution must be at least 1: " + resolution);
    }
    Tier tier = tiers[0];
    for (int i = tiers.length - 1; i > 0; i--) {
      if (resolution % tiers[i].width == 0) {
        tier = tiers[i];
        break;
      }
    }
    long from = Math.floorDiv(start, resolution) * resolution;
    List<Aggregate> out = new ArrayList<>();
    synchronized (this) {
      tier.read(from, end, resolution, out::add);
    }
    return out;
  }

  /**
   * The points at {@code resolution} in {@code [start, end]} with {@code function} applied to each bucket. For
   * {@code DERIVATIVE} each point is its mean minus the previous point's mean, so the first point is left out.
   */
  public List<Point> read(long start, long end, long resolution, SummaryFunction function) {
    return points(aggregates(start, end, resolution), function);
  }

  /** Applies {@code function} to already merged buckets (see {@link #read}). */
  public static List<Point> points(List<Aggregate> buckets, SummaryFunction function) {
    List<Point> out = new ArrayList<>(buckets.size());
    double previous = Double.NaN;
    for (Aggregate a : buckets) {
      double v = a.value(function);
      if (function == SummaryFunction.DERIVATIVE) {
        if (!Double.isNaN(previous)) {
          out.add(new Point(a.time(), v - previous));
        }
        previous = v;
      } else {
        out.add(new Point(a.time(), v));
      }
    }
    return out;
  }
}
