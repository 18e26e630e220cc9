package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a composite query: the expression, the resolution and the resulting series. Reads both answer
 * shapes the service is known to use, the object {@code {"compose":…,"resolution":…,"series":[…]}} and a bare
 * array of series. Immutable.
 */
public final class CompositeResult {
  private final String compose;
  private final int resolution;
  private final List<CompositeSeries> series;

  private CompositeResult(String compose, int resolution, List<CompositeSeries> series) {
    this.compose = compose;
    this.resolution = resolution;
    this.series = List.copyOf(series);
  }

  static CompositeResult fromJson(JsonNode json, String sentCompose, int sentResolution) {
    List<CompositeSeries> series = new ArrayList<>();
    for (JsonNode s : json.isArray() ? json : json.path("series")) {
      series.add(CompositeSeries.fromJson(s));
    }
    String compose = json.path("compose").isTextual() ? json.get("compose").asText() : sentCompose;
    int resolution = json.path("resolution").isNumber() ? json.get("resolution").asInt() : sentResolution;
    return new CompositeResult(compose, resolution, series);
  }

  /** The expression as the service echoed it (or as sent, when the answer does not say). */
  public String compose() {
    return compose;
  }

  /** Seconds per point. */
  public int resolution() {
    return resolution;
  }

  /** The resulting series, in the service's order; empty when nothing matched. */
  public List<CompositeSeries> series() {
    return series;
  }

  /** The first series whose tags contain all of {@code tags}. */
  public Optional<CompositeSeries> find(Map<String, String> tags) {
    return series.stream().filter(s -> s.tags().entrySet().containsAll(tags.entrySet())).findFirst();
  }

  @Override
  public String toString() {
    return "CompositeResult{" + compose + ", resolution=" + resolution + ", series=" + series + "}";
  }
}
