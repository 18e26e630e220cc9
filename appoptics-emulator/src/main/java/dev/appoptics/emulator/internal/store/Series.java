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
 */
public final class Series {
  static final int[] TIER_WIDTHS = {1, 60, 900, 3600};
  /** The width of the widest tier, whose buckets each hold whole buckets of every finer tier. */
  static final int WIDEST = 3600;

  private final String metric;
  private final Map<String, String> tags;
  /** The tags as text, for ordering series; built once, since sorting compares each series many times. */
  private final String tagsText;
  private final Tier[] tiers = new Tier[TIER_WIDTHS.length];
  /** The largest count of any bucket of the widest tier, which holds each finer bucket (see {@link BucketCapacity}). */
  private volatile long fullestBucket;

  Series(String metric, Map<String, String> tags) {
    this.metric = metric;
    this.tags = tags;
    this.tagsText = tags.toString();
    for (int i = 0; i < tiers.length; i++) {
      tiers[i] = new Tier(TIER_WIDTHS[i]);
    }
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

  /** Adds one measurement summary; true when it opened a new 1-second bucket (a new stored point). */
  synchronized boolean add(long time, long count, double sum, double min, double max, double last, double squares) {
    boolean created = tiers[0].add(time, count, sum, min, max, last, squares);
    for (int i = 1; i < tiers.length; i++) {
      tiers[i].add(time, count, sum, min, max, last, squares);
    }
    long widest = tiers[tiers.length - 1].addedTo();
    if (widest > fullestBucket) {
      fullestBucket = widest;
    }
    return created;
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

  /** Number of stored 1-second buckets. */
  public synchronized int points() {
    return tiers[0].size();
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
