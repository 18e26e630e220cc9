package dev.appoptics.composite;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The selection a series came from, as the API reports it: the metric name and the requested tag filter. */
public record SeriesQuery(String metric, Map<String, String> tags) {
  public SeriesQuery {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }
}
