package dev.appoptics.emulator.internal.measure;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The buckets of one series at one width (1, 60, 900 or 3600 s), kept sorted by time in parallel primitive arrays so
 * that adding to the newest bucket, the common case, allocates nothing. Not thread-safe: {@link Series} guards it.
 */
final class Tier {
  final int width;
  private long[] times = new long[4];
  private long[] counts = new long[4];
  private double[] sums = new double[4];
  private double[] mins = new double[4];
  private double[] maxs = new double[4];
  private double[] lasts = new double[4];
  /** Time of the sample behind {@code lasts}: "last" is the latest by time, ties going to the latest written. */
  private long[] lastTimes = new long[4];
  private double[] squares = new double[4];
  private int size;

  Tier(int width) {
    this.width = width;
  }

  int size() {
    return size;
  }

  /** Merges one sample summary into its bucket; true when that opened a new bucket. */
  boolean add(long time, long count, double sum, double min, double max, double last, double sumSquares) {
    long t = Math.floorDiv(time, width) * (long) width;
    int i;
    boolean created = false;
    if (size > 0 && times[size - 1] == t) {
      i = size - 1;
    } else if (size == 0 || times[size - 1] < t) {
      i = size;
      open(i, t);
      created = true;
    } else {
      i = Arrays.binarySearch(times, 0, size, t);
      if (i < 0) {
        i = -i - 1;
        open(i, t);
        created = true;
      }
    }
    if (created) {
      counts[i] = count;
      sums[i] = sum;
      mins[i] = min;
      maxs[i] = max;
      squares[i] = sumSquares;
      lasts[i] = last;
      lastTimes[i] = time;
    } else {
      counts[i] += count;
      sums[i] += sum;
      mins[i] = Math.min(mins[i], min);
      maxs[i] = Math.max(maxs[i], max);
      squares[i] += sumSquares;
      if (time >= lastTimes[i]) {
        lasts[i] = last;
        lastTimes[i] = time;
      }
    }
    return created;
  }

  boolean has(long time) {
    long t = Math.floorDiv(time, width) * (long) width;
    return Arrays.binarySearch(times, 0, size, t) >= 0;
  }

  /**
   * Merges the buckets whose {@code resolution}-aligned time lies in {@code [from, to]} into one aggregate per
   * aligned time; {@code resolution} is a multiple of this tier's width.
   */
  void read(long from, long to, long resolution, Consumer<Aggregate> out) {
    int i = Arrays.binarySearch(times, 0, size, from);
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
      long aligned = Math.floorDiv(times[i], resolution) * resolution;
      if (aligned > to) {
        break;
      }
      if (aligned != current) {
        if (count > 0) {
          out.accept(new Aggregate(current, count, sum, min, max, last, sq));
        }
        current = aligned;
        count = counts[i];
        sum = sums[i];
        min = mins[i];
        max = maxs[i];
        sq = squares[i];
      } else {
        count += counts[i];
        sum += sums[i];
        min = Math.min(min, mins[i]);
        max = Math.max(max, maxs[i]);
        sq += squares[i];
      }
      last = lasts[i];
    }
    if (count > 0) {
      out.accept(new Aggregate(current, count, sum, min, max, last, sq));
    }
  }

  private void open(int i, long t) {
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      counts = Arrays.copyOf(counts, n);
      sums = Arrays.copyOf(sums, n);
      mins = Arrays.copyOf(mins, n);
      maxs = Arrays.copyOf(maxs, n);
      lasts = Arrays.copyOf(lasts, n);
      lastTimes = Arrays.copyOf(lastTimes, n);
      squares = Arrays.copyOf(squares, n);
    }
    if (i < size) {
      for (Object a : List.of(times, counts, sums, mins, maxs, lasts, lastTimes, squares)) {
        System.arraycopy(a, i, a, i + 1, size - i);
      }
    }
    times[i] = t;
    size++;
  }
}
