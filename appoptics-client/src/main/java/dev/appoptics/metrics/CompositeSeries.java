package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One series of a composite answer: its tags and points, the metric it was read from (when it comes from a single
 * metric), the selection that produced it ({@link #queryMetric()}, {@link #queryTags()}) and the interval of its
 * points. Immutable.
 */
public final class CompositeSeries {
  private final Map<String, String> tags;
  private final List<Point> points;
  private final Optional<Metric> metric;
  private final String queryMetric;
  private final Map<String, String> queryTags;
  private final OptionalInt period;

  private CompositeSeries(Series series, Optional<Metric> metric, String queryMetric, Map<String, String> queryTags,
      OptionalInt period) {
    this.tags = series.tags();
    this.points = series.points();
    this.metric = metric;
    this.queryMetric = queryMetric;
    this.queryTags = Collections.unmodifiableMap(new LinkedHashMap<>(queryTags));
    this.period = period;
  }

  static CompositeSeries fromJson(JsonNode json) {
    Series series = MeasurementResult.seriesFromJson(json);
    Optional<Metric> metric = json.path("metric").isObject() && json.path("metric").hasNonNull("name")
        ? Optional.of(Metric.fromJson(json.get("metric"))) : Optional.empty();
    JsonNode query = json.path("query");
    Map<String, String> queryTags = new LinkedHashMap<>();
    query.path("tags").properties().forEach(e -> queryTags.put(e.getKey(), e.getValue().asText()));
    String queryMetric = query.hasNonNull("metric") ? query.get("metric").asText()
        : metric.map(Metric::name).orElse("");
    OptionalInt period = json.path("period").isNumber() ? OptionalInt.of(json.get("period").asInt())
        : OptionalInt.empty();
    return new CompositeSeries(series, metric, queryMetric, queryTags, period);
  }

  /** The series' tags. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The points, oldest first. */
  public List<Point> points() {
    return points;
  }

  /** The metric the series was read from; empty when it combines several metrics. */
  public Optional<Metric> metric() {
    return metric;
  }

  /** The metric name of the selection that produced the series (empty text when the answer has none). */
  public String queryMetric() {
    return queryMetric;
  }

  /** The tag patterns of the selection that produced the series. */
  public Map<String, String> queryTags() {
    return queryTags;
  }

  /** Seconds between points, when the answer says. */
  public OptionalInt period() {
    return period;
  }

  @Override
  public String toString() {
    return "CompositeSeries{tags=" + tags + ", query=" + queryMetric + queryTags + ", points=" + points + "}";
  }
}
