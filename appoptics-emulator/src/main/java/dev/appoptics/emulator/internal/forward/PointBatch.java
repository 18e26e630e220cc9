package dev.appoptics.emulator.internal.forward;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups forwarded points by series, in first-seen order, with the metric names as the registry spells them (the
 * API's names ignore case; one AppOptics metric must stay one Prometheus metric). Not thread-safe.
 */
final class PointBatch {
  private final MetricDescriptions descriptions;
  private final Map<String, String> canonical = new HashMap<>();
  private final Map<SeriesKey, SeriesPoints> series = new HashMap<>();
  private final List<SeriesPoints> order = new ArrayList<>();
  private int points;

  PointBatch(MetricDescriptions descriptions) {
    this.descriptions = descriptions;
  }

  /** Adds every measurement of one queue record. */
  void addRecord(byte[] record) {
    BatchRecord.decode(record, (name, tags, time, kind, count, sum, min, max, last) ->
        add(name, tags, time, kind == BatchRecord.VALUE, count, sum, min, max, last));
  }

  void add(String name, Map<String, String> tags, long time, boolean value, long count, double sum, double min,
      double max, double last) {
    String metric = canonical.computeIfAbsent(name, n -> descriptions.describe(n).map(MetricInfo::name).orElse(n));
    SeriesPoints s = series.get(new SeriesKey(metric, tags));
    if (s == null) {
      s = new SeriesPoints(metric, tags);
      series.put(new SeriesKey(metric, tags), s);
      order.add(s);
    }
    s.add(time, value, count, sum, min, max, last);
    points++;
  }

  /** Measurements added (before merging points of the same second). */
  int points() {
    return points;
  }

  /** The series, each sorted by time with one point per second. */
  List<SeriesPoints> series() {
    List<SeriesPoints> out = new ArrayList<>(order.size());
    for (SeriesPoints s : order) {
      out.add(s.finish());
    }
    return out;
  }

  private record SeriesKey(String name, Map<String, String> tags) {}
}
