package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a condition watches: one stream (a series, point by point), a group of streams merged into buckets of
 * {@code resolution} seconds, or points computed for this evaluation (a composite's output). A group only shows
 * buckets that are over (their end is not after the evaluation time), so streams reporting a little later still land
 * in the bucket before it is judged; computed points are given that way.
 */
final class Signal {
  private final Object identity;
  /** Built when first asked for: most signals break nothing, and their key is never needed. */
  private String key;
  private final String metric;
  private final List<Series> members;
  private final int resolution;
  /** The points of a computed signal, oldest first; null for stored streams. */
  private final List<Aggregate> computed;

  private Signal(
      Object identity, String key, String metric, List<Series> members, int resolution, List<Aggregate> computed) {
    this.identity = identity;
    this.key = key;
    this.metric = metric;
    this.members = members;
    this.resolution = resolution;
    this.computed = computed;
  }

  static Signal stream(Series series) {
    return new Signal(series, null, series.metric(), List.of(series), 1, null);
  }

  static Signal group(String key, String metric, List<Series> members, int resolution) {
    return new Signal(key, key, metric, List.copyOf(members), resolution, null);
  }

  /**
   * Points computed for this evaluation, at {@code resolution}, every bucket over (several streams' points of one
   * time merge as a group's do); its key is its identity.
   */
  static Signal computed(String key, String metric, List<Aggregate> points, int resolution) {
    TreeMap<Long, Aggregate> byTime = new TreeMap<>();
    mergeInto(byTime, points);
    return new Signal(key, key, metric, List.of(), resolution, List.copyOf(byTime.values()));
  }

  /** Value points as buckets of one sample each, so that every summary function reads the value. */
  static Aggregate sample(long time, double value) {
    return new Aggregate(time, 1, value, value, value, value, value * value);
  }

  /** The tags as {@code name=value} pairs joined by commas, in name order: a stream's key in notifications. */
  static String tagsKey(Map<String, String> tags) {
    StringBuilder key = new StringBuilder();
    tags.forEach((name, value) -> (key.length() > 0 ? key.append(',') : key).append(name).append('=').append(value));
    return key.toString();
  }

  /** What keeps this signal's state from one evaluation to the next: the series, or the group's key. */
  Object identity() {
    return identity;
  }

  String key() {
    if (key == null) {
      key = tagsKey(members.get(0).tags());
    }
    return key;
  }

  String metric() {
    return metric;
  }

  int resolution() {
    return resolution;
  }

  /** The points with time in {@code [from, reads.to()]}, oldest first; {@code from} is a multiple of the resolution. */
  List<Aggregate> read(long from, SeriesReads reads) {
    if (computed != null) {
      return within(from, reads.to());
    }
    if (resolution == 1 && members.size() == 1) {
      return reads.read(members.get(0), from);
    }
    return merged(from, reads.to() - (resolution == 1 ? 0 : resolution), resolution);
  }

  /** The time of the last hour in {@code [from, to]} holding data, or empty: where to start looking for the newest point. */
  OptionalLong lastHour(long from, long to) {
    if (computed != null) {
      List<Aggregate> in = within(from, to);
      return in.isEmpty()
          ? OptionalLong.empty()
          : OptionalLong.of(Math.floorDiv(in.get(in.size() - 1).time(), 3600) * 3600);
    }
    List<Aggregate> hours = merged(from, to, 3600);
    return hours.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(hours.get(hours.size() - 1).time());
  }

  /** How many points lie in {@code [from, to]}. */
  int count(long from, long to) {
    return computed != null ? within(from, to).size() : merged(from, to, resolution).size();
  }

  private List<Aggregate> within(long from, long to) {
    List<Aggregate> out = new ArrayList<>();
    for (Aggregate a : computed) {
      if (a.time() >= from && a.time() <= to) {
        out.add(a);
      }
    }
    return out;
  }

  private List<Aggregate> merged(long from, long to, int width) {
    if (members.size() == 1) {
      return members.get(0).aggregates(from, to, width);
    }
    TreeMap<Long, Aggregate> buckets = new TreeMap<>();
    for (Series s : members) {
      mergeInto(buckets, s.aggregates(from, to, width));
    }
    return new ArrayList<>(buckets.values());
  }

  /** Adds {@code points} to {@code buckets} by time, combining those of one time. */
  private static void mergeInto(TreeMap<Long, Aggregate> buckets, List<Aggregate> points) {
    for (Aggregate a : points) {
      buckets.merge(a.time(), a, Signal::combine);
    }
  }

  private static Aggregate combine(Aggregate a, Aggregate b) {
    return new Aggregate(
        a.time(),
        a.count() + b.count(),
        a.sum() + b.sum(),
        Math.min(a.min(), b.min()),
        Math.max(a.max(), b.max()),
        b.last(),
        a.sumSquares() + b.sumSquares());
  }
}
