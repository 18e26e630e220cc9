package dev.appoptics.emulator.internal.forward;

import java.util.Arrays;
import java.util.Map;

/**
 * The points of one series (metric name and tag set) in one forwarded request, sorted by time with at most one point
 * per second: remote-write receivers want each series' samples in order and refuse a second, different sample at
 * the same timestamp. Points of the same second merge as the store merges them (counts and sums add, the extremes
 * widen, the later {@code last} wins); a point stays a plain value only if everything merged into it was one.
 * Not thread-safe: built and read by one sender.
 */
final class SeriesPoints {
  private final ForwardedSeries series;
  private long[] times = new long[4];
  private long[] counts = new long[4];
  private double[] sums = new double[4];
  private double[] mins = new double[4];
  private double[] maxs = new double[4];
  private double[] lasts = new double[4];
  private boolean[] values = new boolean[4];
  private int size;
  private int samples;
  private boolean sorted = true;

  SeriesPoints(ForwardedSeries series) {
    this.series = series;
  }

  ForwardedSeries series() {
    return series;
  }

  /** The metric name (as the registry spells it). */
  String name() {
    return series.name;
  }

  /** The tags, sorted by name. */
  Map<String, String> tags() {
    return series.tags;
  }

  /** Adds a point, merging it into the last one when that has the same second; returns how many samples it added. */
  int add(long time, boolean value, long count, double sum, double min, double max, double last) {
    int before = samples;
    if (size > 0 && times[size - 1] == time) {
      merge(size - 1, value, count, sum, min, max, last);
      return samples - before;
    }
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      counts = Arrays.copyOf(counts, n);
      sums = Arrays.copyOf(sums, n);
      mins = Arrays.copyOf(mins, n);
      maxs = Arrays.copyOf(maxs, n);
      lasts = Arrays.copyOf(lasts, n);
      values = Arrays.copyOf(values, n);
    }
    if (size > 0 && time < times[size - 1]) {
      sorted = false;
    }
    set(size++, time, value, count, sum, min, max, last);
    return samples - before;
  }

  /** Sorts by time (ties keep their order) and merges points of the same second; call before reading. */
  SeriesPoints finish() {
    if (sorted) {
      return this;
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
    SeriesPoints out = new SeriesPoints(series);
    for (int i : order) {
      out.add(times[i], values[i], counts[i], sums[i], mins[i], maxs[i], lasts[i]);
    }
    return out;
  }

  /** The points {@code [from, to)} as their own series (to split a refused request). */
  SeriesPoints slice(int from, int to) {
    SeriesPoints out = new SeriesPoints(series);
    for (int i = from; i < to; i++) {
      out.add(times[i], values[i], counts[i], sums[i], mins[i], maxs[i], lasts[i]);
    }
    return out;
  }

  int size() {
    return size;
  }

  /** Epoch seconds of point {@code i}. */
  long time(int i) {
    return times[i];
  }

  /** Whether point {@code i} is one plain value (one sample), rather than a summary. */
  boolean isValue(int i) {
    return values[i];
  }

  long count(int i) {
    return counts[i];
  }

  double sum(int i) {
    return sums[i];
  }

  double min(int i) {
    return mins[i];
  }

  double max(int i) {
    return maxs[i];
  }

  /** The value of a plain point; the {@code last} of a summary (its mean when the client sent no {@code last}). */
  double last(int i) {
    return lasts[i];
  }

  /** Samples this series makes: one per plain point, five per summary. */
  int samples() {
    return samples;
  }

  private void merge(int i, boolean value, long count, double sum, double min, double max, double last) {
    if (values[i] && !value) {
      samples += 4;
    }
    counts[i] += count;
    sums[i] += sum;
    mins[i] = Math.min(mins[i], min);
    maxs[i] = Math.max(maxs[i], max);
    lasts[i] = last;
    values[i] &= value;
  }

  private void set(int i, long time, boolean value, long count, double sum, double min, double max, double last) {
    samples += value ? 1 : 5;
    times[i] = time;
    values[i] = value;
    counts[i] = count;
    sums[i] = sum;
    mins[i] = min;
    maxs[i] = max;
    lasts[i] = last;
  }
}
