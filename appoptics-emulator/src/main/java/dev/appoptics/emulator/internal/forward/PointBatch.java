package dev.appoptics.emulator.internal.forward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups forwarded points by series, in first-seen order, into one request's worth. Series are the sender's {@link
 * SeriesTable}'s, named as the registry spells them (the API's names ignore case; one AppOptics metric must stay one
 * Prometheus metric). Not thread-safe.
 */
final class PointBatch implements BatchRecord.Sink {
  private final MetricDescriptions descriptions;
  private final SeriesTable table;
  private final Map<String, String> canonical = new HashMap<>();
  private final List<SeriesPoints> order = new ArrayList<>();
  /** The current record's series by their numbers in it. */
  private SeriesPoints[] inRecord = new SeriesPoints[64];
  private int samples;

  /** {@code table} outlives the batch: the sender's known series. */
  PointBatch(MetricDescriptions descriptions, SeriesTable table) {
    this.descriptions = descriptions;
    this.table = table;
    table.trim();
  }

  /**
   * Adds every measurement of one queue record; throws {@link dev.appoptics.emulator.internal.bytes
   * .CorruptDataException} when it does not decode (what was read before the damage stays added).
   */
  void addRecord(byte[] record) {
    BatchRecord.decode(record, table, this::canonical, this);
  }

  /** Adds one point of metric {@code name} (spelled in any case) with {@code tags}. */
  void add(String name, Map<String, String> tags, long time, boolean value, long count, double sum, double min,
      double max, double last) {
    samples += pointsOf(table.series(canonical(name), tags)).add(time, value, count, sum, min, max, last);
  }

  @Override
  public void series(int number, ForwardedSeries s) {
    if (number == inRecord.length) {
      inRecord = Arrays.copyOf(inRecord, number * 2);
    }
    inRecord[number] = pointsOf(s);
  }

  @Override
  public void point(int series, long time, boolean value, long count, double sum, double min, double max,
      double last) {
    samples += inRecord[series].add(time, value, count, sum, min, max, last);
  }

  private SeriesPoints pointsOf(ForwardedSeries s) {
    if (s.batch != this) {
      s.batch = this;
      s.points = new SeriesPoints(s);
      order.add(s.points);
    }
    return s.points;
  }

  /** The metric name as the registry spells it. */
  private String canonical(String name) {
    return canonical.computeIfAbsent(name, n -> descriptions.describe(n).map(MetricInfo::name).orElse(n));
  }

  /** Samples the points make, once merged: one per plain point, five per summary (an upper bound until {@link
   * #series} merged points of the same second that arrived apart). */
  int samples() {
    return samples;
  }

  /** The series, each sorted by time with one point per second. */
  List<SeriesPoints> series() {
    List<SeriesPoints> out = new ArrayList<>(order.size());
    for (SeriesPoints s : order) {
      out.add(s.finish());
      s.series().batch = null; // the points are the request's now
      s.series().points = null;
    }
    return out;
  }
}
