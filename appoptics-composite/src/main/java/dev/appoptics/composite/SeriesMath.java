package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Shared helpers: aligning series on common timestamps and describing series derived from several inputs. */
final class SeriesMath {
  private SeriesMath() {}

  /** Every timestamp of any input, mapped to the inputs' values there (NaN where an input has no point). */
  static TreeMap<Long, double[]> align(List<Series> inputs) {
    TreeMap<Long, double[]> rows = new TreeMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      for (Point p : inputs.get(i).points()) {
        double[] row = rows.computeIfAbsent(p.time(), t -> {
          double[] fresh = new double[inputs.size()];
          Arrays.fill(fresh, Double.NaN);
          return fresh;
        });
        row[i] = p.value();
      }
    }
    return rows;
  }

  /**
   * A series computed from several inputs: it keeps the tag pairs all inputs share, the metric when all inputs come
   * from the same one, the first input's query and the widest period.
   */
  static Series combine(List<Series> inputs, List<Point> points) {
    Map<String, String> tags = new HashMap<>(inputs.get(0).tags());
    Optional<MetricInfo> metric = inputs.get(0).metric();
    long period = 0;
    for (Series s : inputs) {
      tags.entrySet().removeIf(e -> !e.getValue().equals(s.tags().get(e.getKey())));
      if (metric.isPresent() && !s.metric().map(MetricInfo::name).equals(metric.map(MetricInfo::name))) {
        metric = Optional.empty();
      }
      period = Math.max(period, s.period());
    }
    return new Series(tags, points, metric, inputs.get(0).query(), period);
  }

  static List<Point> points(TreeMap<Long, Double> values) {
    List<Point> out = new ArrayList<>(values.size());
    values.forEach((t, v) -> out.add(new Point(t, v)));
    return out;
  }
}
