package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One alert condition as the evaluator reads it.
 *
 * @param id the condition id the API assigned
 * @param type above, below or absent
 * @param metricName the metric the condition watches
 * @param threshold the threshold of above and below (unused by absent)
 * @param duration seconds; 0 when the condition has none (one violating point is enough)
 * @param summary the value taken from each point: min, max, mean (the API's average), sum, count or derivative
 * @param detectReset with derivative: a fall is a counter reset and counts as 0
 * @param tags the tag filters, all of which a series must pass
 */
record ConditionRule(
    long id,
    Type type,
    String metricName,
    double threshold,
    long duration,
    SummaryFunction summary,
    boolean detectReset,
    List<ConditionTag> tags) {

  enum Type {
    ABOVE,
    BELOW,
    ABSENT;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  ConditionRule {
    // Name order, so that a group's key lists its tags the same way whatever order the client sent them in.
    tags = tags.stream().sorted(Comparator.comparing(ConditionTag::name)).toList();
  }

  /**
   * The same condition under another id: a client that re-sends its conditions without ids on an update gets new ids
   * for the same conditions, which watch the same thing.
   */
  ConditionRule withId(long newId) {
    return new ConditionRule(newId, type, metricName, threshold, duration, summary, detectReset, tags);
  }

  /** Whether any tag filter asks for its matches to be merged into one signal. */
  boolean grouped() {
    for (ConditionTag t : tags) {
      if (t.grouped()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a series with these tags (names lower-cased) passes every tag filter. */
  boolean matches(Map<String, String> seriesTags) {
    for (ConditionTag t : tags) {
      String value = seriesTags.get(t.name());
      if (value == null || !t.accepts(value)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} breaks the threshold: strictly above, or strictly below. */
  boolean violates(double value) {
    return type == Type.ABOVE ? value > threshold : value < threshold;
  }

  /**
   * The key of the signal a matching series belongs to when the condition is grouped: the values of its ungrouped
   * filter tags, then the grouped filters' patterns, as {@code name=value} pairs in name order.
   */
  String groupKey(Map<String, String> seriesTags) {
    StringBuilder key = new StringBuilder();
    for (ConditionTag t : tags) {
      if (key.length() > 0) {
        key.append(',');
      }
      key.append(t.name()).append('=');
      key.append(t.grouped() ? (t.values().isEmpty() ? "*" : String.join("|", t.values())) : seriesTags.get(t.name()));
    }
    return key.toString();
  }
}
