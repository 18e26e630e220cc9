package dev.appoptics.composite;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@code series()} call asks a {@link SeriesSource} for: streams of metrics whose name matches
 * {@code metricPattern} and whose tags match every entry of {@code tagPatterns}, summarised with {@code function}
 * ({@code min}, {@code max}, {@code mean}, {@code sum} or {@code count}) into buckets of {@code step} seconds
 * (bucket time = time floored to the step), for raw points with {@code start <= time < end}.
 *
 * <p>Patterns use {@code *} as a wildcard for any run of characters and match ignoring case; tag names are looked up
 * as given, then lower-cased. A tag pattern of {@code !value} matches streams that have the tag with another value.
 */
public record SeriesRequest(String metricPattern, Map<String, String> tagPatterns, String function, long step,
    long start, long end) {

  public SeriesRequest {
    tagPatterns = Collections.unmodifiableMap(new TreeMap<>(tagPatterns));
  }

  /** True if a metric called {@code name} is selected. */
  public boolean matchesMetric(String name) {
    return Wildcard.matches(metricPattern, name);
  }

  /** True if a stream with these tags is selected. */
  public boolean matchesTags(Map<String, String> tags) {
    for (Map.Entry<String, String> e : tagPatterns.entrySet()) {
      String value = tags.get(e.getKey());
      if (value == null) {
        value = tags.get(e.getKey().toLowerCase(java.util.Locale.ROOT));
      }
      String pattern = e.getValue();
      if (value == null) {
        return false;
      }
      boolean negated = pattern.startsWith("!");
      boolean hit = Wildcard.matches(negated ? pattern.substring(1) : pattern, value);
      if (hit == negated) {
        return false;
      }
    }
    return true;
  }

  /** The bucket time of a raw point at {@code time}. */
  public long bucket(long time) {
    return Math.floorDiv(time, step) * step;
  }
}
