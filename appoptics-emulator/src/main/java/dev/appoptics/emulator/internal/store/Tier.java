package dev.appoptics.emulator.internal.store;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The buckets of one series at one width (1, 60, 900 or 3600 s), kept sorted by time so that adding to the newest
 * bucket, the common case, allocates nothing. Each bucket's fields sit next to each other (its time, count and the
 * time of its last sample in one long array, its sum, min, max, last and sum of squares in one double array), so an
 * update touches two or three cache lines rather than one per field. Not thread-safe: {@link Series} guards it.
 */
final class Tier {
  private static final int LONGS = 3; // time, count, time of the sample behind "last"
  private static final int DOUBLES = 5; // sum, min, max, last, sum of squares
  private static final int TIME = 0;
  private static final int COUNT = 1;
  private static final int LAST_TIME = 2;
  private static final int SUM = 0;
  private static final int MIN = 1;
  private static final int MAX = 2;
  private static final int LAST = 3;
  private static final int SQUARES = 4;

  final int width;
  private long[] longs = new long[4 * LONGS];
  private double[] doubles = new double[4 * DOUBLES];
  private int size;
  /** The count of the bucket the last {@link #add} went to. */
  private long addedTo;

  Tier(int width) {
    this.width = width;
  }

  int size() {
    return size;
  }

  /**
   * Merges one sample summary into its bucket; true when that opened a new bucket. "last" is the latest sample by
   * time, ties going to the latest written.
   */
  boolean add(long time, long count, double sum, double min, double max, double last, double sumSquares) {
    long t = Math.floorDiv(time, width) * (long) width;
    int i;
    boolean created = false;
    long newest = size > 0 ? longs[(size - 1) * LONGS + TIME] : Long.MIN_VALUE;
    if (size > 0 && newest == t) {
      i = size - 1;
    } else if (size == 0 || newest < t) {
      i = size;
      open(i, t);
      created = true;
    } else {
      i = search(t);
      if (i < 0) {
        i = -i - 1;
        open(i, t);
        created = true;
      }
    }
    int l = i * LONGS;
    int d = i * DOUBLES;
    if (created) {
      set(i, count, sum, min, max, last, time, sumSquares);
    } else {
      longs[l + COUNT] += count;
      doubles[d + SUM] += sum;
      doubles[d + MIN] = Math.min(doubles[d + MIN], min);
      doubles[d + MAX] = Math.max(doubles[d + MAX], max);
      doubles[d + SQUARES] += sumSquares;
      if (time >= longs[l + LAST_TIME]) {
        doubles[d + LAST] = last;
        longs[l + LAST_TIME] = time;
      }
    }
    addedTo = longs[l + COUNT];
    return created;
  }

  /** The count of the bucket the last {@link #add} went to, after it. */
  long addedTo() {
    return addedTo;
  }

  /** The count of the bucket holding {@code time}; 0 when there is none. */
  long countAt(long time) {
    int i = search(Math.floorDiv(time, width) * (long) width);
    return i < 0 ? 0 : longs[i * LONGS + COUNT];
  }

  boolean has(long time) {
    long t = Math.floorDiv(time, width) * (long) width;
    return search(t) >= 0;
  }

  /**
   * Merges the buckets whose {@code resolution}-aligned time lies in {@code [from, to]} into one aggregate per
   * aligned time; {@code resolution} is a multiple of this tier's width.
   */
  void read(long from, long to, long resolution, Consumer<Aggregate> out) {
    int i = search(from);
    if (i < 0) {
      i = -i - 1;
    }
    long current = Long.MIN_VALUE;
    long count = 0;
    double sum = 0;
    double min = 0;
    double max = 0;
    double last = 0;
    double sq = 0;
    for (; i < size; i++) {
      int l = i * LONGS;
      int d = i * DOUBLES;
      long aligned = Math.floorDiv(longs[l + TIME], resolution) * resolution;
      if (aligned > to) {
        break;
      }
      if (aligned != current) {
        if (count > 0) {
          out.accept(new Aggregate(current, count, sum, min, max, last, sq));
        }
        current = aligned;
        count = longs[l + COUNT];
        sum = doubles[d + SUM];
        min = doubles[d + MIN];
        max = doubles[d + MAX];
        sq = doubles[d + SQUARES];
      } else {
        count += longs[l + COUNT];
        sum += doubles[d + SUM];
        min = Math.min(min, doubles[d + MIN]);
        max = Math.max(max, doubles[d + MAX]);
        sq += doubles[d + SQUARES];
      }
      last = doubles[d + LAST];
    }
    if (count > 0) {
      out.accept(new Aggregate(current, count, sum, min, max, last, sq));
    }
  }

  /** Hands each stored bucket whose time lies in {@code [from, to]} to {@code visitor}, oldest first. */
  void visit(long from, long to, BucketVisitor visitor) {
    int i = search(from);
    for (i = i < 0 ? -i - 1 : i; i < size && longs[i * LONGS + TIME] <= to; i++) {
      int l = i * LONGS;
      int d = i * DOUBLES;
      visitor.bucket(longs[l + TIME], longs[l + COUNT], doubles[d + SUM], doubles[d + MIN], doubles[d + MAX],
          doubles[d + LAST], longs[l + LAST_TIME], doubles[d + SQUARES]);
    }
  }

  /**
   * Puts back a bucket as {@link #visit} handed it out, replacing one at the same time; true when it was new.
   * Buckets restored oldest first append, which is what loading a saved store does.
   */
  boolean restore(long time, long count, double sum, double min, double max, double last, long lastTime,
      double sumSquares) {
    int i = size > 0 && longs[(size - 1) * LONGS + TIME] < time ? -(size + 1) : search(time);
    boolean created = i < 0;
    if (created) {
      i = -i - 1;
      open(i, time);
    }
    set(i, count, sum, min, max, last, lastTime, sumSquares);
    return created;
  }

  /** Writes bucket {@code i}'s fields (its time is set when it is opened). */
  private void set(int i, long count, double sum, double min, double max, double last, long lastTime,
      double sumSquares) {
    int l = i * LONGS;
    int d = i * DOUBLES;
    longs[l + COUNT] = count;
    longs[l + LAST_TIME] = lastTime;
    doubles[d + SUM] = sum;
    doubles[d + MIN] = min;
    doubles[d + MAX] = max;
    doubles[d + LAST] = last;
    doubles[d + SQUARES] = sumSquares;
  }

  /** Drops the buckets that start before {@code time}; returns how many. */
  int dropBefore(long time) {
    int i = search(time);
    int dropped = i < 0 ? -i - 1 : i;
    if (dropped > 0) {
      System.arraycopy(longs, dropped * LONGS, longs, 0, (size - dropped) * LONGS);
      System.arraycopy(doubles, dropped * DOUBLES, doubles, 0, (size - dropped) * DOUBLES);
      size -= dropped;
      if (size * LONGS * 4 < longs.length && longs.length > 4 * LONGS) {
        int keep = Math.max(4, size * 2);
        longs = Arrays.copyOf(longs, keep * LONGS);
        doubles = Arrays.copyOf(doubles, keep * DOUBLES);
      }
    }
    return dropped;
  }

  /** The start of the oldest bucket, {@link Long#MAX_VALUE} when there is none. */
  long oldest() {
    return size == 0 ? Long.MAX_VALUE : longs[TIME];
  }

  /** The index of the bucket at {@code t}, or {@code -(insertion point) - 1}, as {@link Arrays#binarySearch}. */
  private int search(long t) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long v = longs[mid * LONGS + TIME];
      if (v < t) {
        low = mid + 1;
      } else if (v > t) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  private void open(int i, long t) {
    if (size * LONGS == longs.length) {
      longs = Arrays.copyOf(longs, longs.length * 2);
      doubles = Arrays.copyOf(doubles, doubles.length * 2);
    }
    if (i < size) {
      System.arraycopy(longs, i * LONGS, longs, (i + 1) * LONGS, (size - i) * LONGS);
      System.arraycopy(doubles, i * DOUBLES, doubles, (i + 1) * DOUBLES, (size - i) * DOUBLES);
    }
    longs[i * LONGS + TIME] = t;
    size++;
  }
}
