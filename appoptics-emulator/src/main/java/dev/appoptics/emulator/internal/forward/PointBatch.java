package dev.appoptics.emulator.internal.forward;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups forwarded points by series, in first-seen order, with the metric names as the registry spells them (the
 * API's names ignore case; one AppOptics metric must stay one Prometheus metric). Not thread-safe.
 */
final class PointBatch {
  private final MetricDescriptions descriptions;
  private final Map<String, String> canonical = new HashMap<>();
  private final TagSets tagSets;
  private final Map<String, IdentityHashMap<Map<String, String>, SeriesPoints>> series = new HashMap<>();
  private final List<SeriesPoints> order = new ArrayList<>();
  private int points;

  /** {@code tagSets} outlives the batch: the sender's table of shared tag sets. */
  PointBatch(MetricDescriptions descriptions, TagSets tagSets) {
    this.descriptions = descriptions;
    this.tagSets = tagSets;
  }

  /** Adds every measurement of one queue record, looking each of its series up once. */
  void addRecord(byte[] record) {
    List<SeriesPoints> inRecord = new ArrayList<>();
    BatchRecord.decode(record, tagSets, (number, name, tags, time, kind, count, sum, min, max, last) -> {
      if (number == inRecord.size()) {
        inRecord.add(seriesOf(name, tags));
      }
      inRecord.get(number).add(time, kind == BatchRecord.VALUE, count, sum, min, max, last);
      points++;
    });
  }

  void add(String name, Map<String, String> tags, long time, boolean value, long count, double sum, double min,
      double max, double last) {
    seriesOf(name, tagSets.canonical(tags)).add(time, value, count, sum, min, max, last);
    points++;
  }

  /** The series of a metric and a shared tag set (see {@link TagSets}). */
  private SeriesPoints seriesOf(String name, Map<String, String> tags) {
    String metric = canonical.computeIfAbsent(name, n -> descriptions.describe(n).map(MetricInfo::name).orElse(n));
    IdentityHashMap<Map<String, String>, SeriesPoints> ofMetric =
        series.computeIfAbsent(metric, m -> new IdentityHashMap<>());
    SeriesPoints s = ofMetric.get(tags);
    if (s == null) {
      s = new SeriesPoints(metric, tags);
      ofMetric.put(tags, s);
      order.add(s);
    }
    return s;
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
}
