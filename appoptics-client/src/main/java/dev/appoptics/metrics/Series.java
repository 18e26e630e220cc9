package dev.appoptics.metrics;

import java.util.List;
import java.util.Map;

/** One stream of a measurement query answer: its tags (empty when grouped with {@code *}) and its points in time order. */
public final class Series {
  private final Map<String, String> tags;
  private final List<Point> points;

  Series(Map<String, String> tags, List<Point> points) {
    this.tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    this.points = List.copyOf(points);
  }

  /** The stream's tags. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The stream's points, oldest first. */
  public List<Point> points() {
    return points;
  }

  @Override
  public String toString() {
    return "Series{tags=" + tags + ", points=" + points + "}";
  }
}
