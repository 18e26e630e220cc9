package dev.appoptics.composite;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One time series of a composite result: its tags, its points (sorted by time, at most one per time), the metric it
 * was read from when that is a single metric, the query that selected it, and the interval (seconds) its points
 * are spaced on.
 */
public record Series(Map<String, String> tags, List<Point> points, Optional<MetricInfo> metric, SeriesQuery query,
    long period) {

  public Series {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    points = List.copyOf(points);
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).time() <= points.get(i - 1).time()) {
        throw new IllegalArgumentException("points must be strictly increasing in time, got "
            + points.get(i - 1).time() + " then " + points.get(i).time());
      }
    }
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
  }

  /** The same series with other points. */
  public Series withPoints(List<Point> newPoints) {
    return new Series(tags, newPoints, metric, query, period);
  }

  /** The same series with other tags. */
  public Series withTags(Map<String, String> newTags) {
    return new Series(newTags, points, metric, query, period);
  }

  /** Orders series by metric name, then by their sorted tag pairs (the API's order). */
  static final Comparator<Series> API_ORDER = Comparator
      .comparing((Series s) -> s.metric().map(MetricInfo::name).orElse(""))
      .thenComparing(s -> s.tags().toString());
}
