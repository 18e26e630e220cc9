package dev.appoptics.composite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** What is known about the metric a series was read from: name, type, attributes and reporting period. */
public record MetricInfo(String name, String type, Map<String, Object> attributes, OptionalLong period) {
  public MetricInfo {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A gauge with no attributes and no period. */
  public static MetricInfo gauge(String name) {
    return new MetricInfo(name, "gauge", Map.of(), OptionalLong.empty());
  }
}
