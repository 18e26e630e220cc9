package dev.appoptics.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tag inheritance: measurement tags win over queue tags, which win over connection tags. */
final class Tags {
  private Tags() {}

  /**
   * The tags to send: the explicit tags alone when given without {@code inherit}; otherwise the inherited maps (in
   * increasing precedence) overlaid with the explicit tags.
   */
  @SafeVarargs
  static Map<String, String> resolve(
      Map<String, String> explicit, boolean inherit, Map<String, String>... inheritedLowToHigh) {
    if (!explicit.isEmpty() && !inherit) {
      return explicit;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> inherited : inheritedLowToHigh) {
      out.putAll(inherited);
    }
    out.putAll(explicit);
    return Collections.unmodifiableMap(out);
  }

  /** An unmodifiable copy that keeps insertion order. */
  static Map<String, String> copy(Map<String, String> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    Check.notNull("tags", tags).forEach((k, v) -> out.put(Check.notNull("tag name", k), Check.notNull("tags." + k, v)));
    return Collections.unmodifiableMap(out);
  }

  static Map<String, String> merge(Map<String, String> base, Map<String, String> extra) {
    Map<String, String> out = new LinkedHashMap<>(base);
    out.putAll(copy(extra));
    return Collections.unmodifiableMap(out);
  }
}
