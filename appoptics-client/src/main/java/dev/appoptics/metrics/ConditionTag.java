package dev.appoptics.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tag filter of an alert {@link Condition}: the tag name, the values to match (wildcards allowed) and whether the
 * matching series are evaluated together ({@code grouped}) or each on its own. Immutable.
 *
 * <pre>{@code
 * ConditionTag prod = ConditionTag.of("environment", "production");
 * }</pre>
 */
public final class ConditionTag {
  private final String name;
  private final List<String> values;
  private final boolean grouped;

  private ConditionTag(String name, List<String> values, boolean grouped) {
    this.name = ResourceChecks.requireText("conditions.tags.name", name);
    this.values = ResourceChecks.copyOf("conditions.tags.values", values);
    this.grouped = grouped;
  }

  /** Matches the tag against these values or patterns. */
  public static ConditionTag of(String name, String... values) {
    return new ConditionTag(name, Arrays.asList(values), false);
  }

  static ConditionTag of(String name, List<String> values, boolean grouped) {
    return new ConditionTag(name, values, grouped);
  }

  /** A copy whose matching series are evaluated together. */
  public ConditionTag grouped() {
    return new ConditionTag(name, values, true);
  }

  /** The tag name. */
  public String name() {
    return name;
  }

  /** The values or patterns to match. */
  public List<String> values() {
    return values;
  }

  /** Whether matching series are evaluated together. */
  public boolean isGrouped() {
    return grouped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConditionTag t && name.equals(t.name) && values.equals(t.values) && grouped == t.grouped;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, values, grouped);
  }

  @Override
  public String toString() {
    return "ConditionTag{name=" + name + ", values=" + values + (grouped ? ", grouped" : "") + "}";
  }
}
