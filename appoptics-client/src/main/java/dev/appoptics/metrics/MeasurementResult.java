package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to a measurement query: the metric name, the resolution actually used, the metric's attributes and one
 * {@link Series} per tag set. When the query followed the service's pages (the default) this is the whole range and
 * {@link #next()} is empty; a single page (see {@code MeasurementQuery.Builder.followPages}) holds the URL of the next
 * one in {@link #next()}.
 */
public final class MeasurementResult {
  private final String name;
  private final int resolution;
  private final MetricAttributes attributes;
  private final List<Series> series;
  private final Optional<String> next;

  MeasurementResult(
      String name, int resolution, MetricAttributes attributes, List<Series> series, Optional<String> next) {
    this.name = name;
    this.resolution = resolution;
    this.attributes = attributes;
    this.series = List.copyOf(series);
    this.next = next;
  }

  /** The metric's name. */
  public String name() {
    return name;
  }

  /** Seconds per point. */
  public int resolution() {
    return resolution;
  }

  /** The metric's attributes as the service reported them. */
  public MetricAttributes attributes() {
    return attributes;
  }

  /** One series per matching tag set, in the service's order (sorted by tags). */
  public List<Series> series() {
    return series;
  }

  /** The {@code rel=next} link (a full URL) when more data remains for this range. */
  public Optional<String> next() {
    return next;
  }

  /** The first series whose tags contain all of {@code tags}. */
  public Optional<Series> find(Map<String, String> tags) {
    return series.stream().filter(s -> s.tags().entrySet().containsAll(tags.entrySet())).findFirst();
  }

  /** This page followed by {@code page}: points appended per series (matched by tags), the later page's link. */
  MeasurementResult append(MeasurementResult page) {
    Map<Map<String, String>, List<Point>> merged = new LinkedHashMap<>();
    for (Series s : series) {
      merged.computeIfAbsent(s.tags(), t -> new ArrayList<>()).addAll(s.points());
    }
    for (Series s : page.series) {
      merged.computeIfAbsent(s.tags(), t -> new ArrayList<>()).addAll(s.points());
    }
    List<Series> all = new ArrayList<>(merged.size());
    merged.forEach((tags, points) -> all.add(new Series(tags, points)));
    return new MeasurementResult(name, resolution, attributes, all, page.next);
  }

  static MeasurementResult fromJson(JsonNode json, String requestedName) {
    List<Series> series = new ArrayList<>();
    JsonNode array = json.isArray() ? json : json.path("series");
    for (JsonNode s : array) {
      series.add(seriesFromJson(s));
    }
    Optional<String> next = Optional.empty();
    for (JsonNode link : json.path("links")) {
      if ("next".equals(link.path("rel").asText()) && link.hasNonNull("href")) {
        next = Optional.of(link.get("href").asText());
      }
    }
    return new MeasurementResult(
        json.path("name").asText(requestedName),
        json.path("resolution").asInt(0),
        MetricAttributes.fromJson(json.path("attributes")),
        series,
        next);
  }

  static Series seriesFromJson(JsonNode s) {
    Map<String, String> tags = new LinkedHashMap<>();
    s.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    List<Point> points = new ArrayList<>();
    for (JsonNode p : s.path("measurements")) {
      Map<String, Double> numbers = new LinkedHashMap<>();
      p.properties().forEach(e -> {
        if (!e.getKey().equals("time") && e.getValue().isNumber()) {
          numbers.put(e.getKey(), e.getValue().asDouble());
        }
      });
      OptionalDouble value = p.path("value").isNumber()
          ? OptionalDouble.of(p.get("value").asDouble()) : OptionalDouble.empty();
      points.add(new Point(p.path("time").asLong(), value, numbers));
    }
    return new Series(tags, points);
  }

  @Override
  public String toString() {
    return "MeasurementResult{" + name + ", resolution=" + resolution + ", series=" + series + "}";
  }
}
