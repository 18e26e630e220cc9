package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** An in-memory {@link SeriesSource} over raw points, bucketing and summarising as requests ask. */
final class TestSource implements SeriesSource {
  private record Stream(String metric, Map<String, String> tags, List<Point> raw) {}

  private final List<Stream> streams = new ArrayList<>();
  final List<SeriesRequest> requests = new ArrayList<>();

  /** Adds a stream; {@code timesAndValues} alternates time and value. */
  TestSource add(String metric, Map<String, String> tags, double... timesAndValues) {
    List<Point> raw = new ArrayList<>();
    for (int i = 0; i < timesAndValues.length; i += 2) {
      raw.add(new Point((long) timesAndValues[i], timesAndValues[i + 1]));
    }
    streams.add(new Stream(metric, tags, raw));
    return this;
  }

  @Override
  public List<Series> select(SeriesRequest request) {
    requests.add(request);
    List<Series> out = new ArrayList<>();
    for (Stream s : streams) {
      if (!request.matchesMetric(s.metric()) || !request.matchesTags(s.tags())) {
        continue;
      }
      TreeMap<Long, List<Double>> buckets = new TreeMap<>();
      for (Point p : s.raw()) {
        if (p.time() >= request.start() && p.time() < request.end()) {
          buckets.computeIfAbsent(request.bucket(p.time()), t -> new ArrayList<>()).add(p.value());
        }
      }
      List<Point> points = new ArrayList<>();
      buckets.forEach((t, values) -> points.add(new Point(t, summarize(request.function(), values))));
      MetricInfo metric = new MetricInfo(s.metric(), "gauge", Map.of("summarize_function", "average"),
          OptionalLong.of(60));
      out.add(new Series(s.tags(), points, java.util.Optional.of(metric),
          new SeriesQuery(s.metric(), request.tagPatterns()), request.step()));
    }
    return out;
  }

  private static double summarize(String function, List<Double> values) {
    return switch (function) {
      case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
      case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      case "count" -> values.size();
      default -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    };
  }
}
