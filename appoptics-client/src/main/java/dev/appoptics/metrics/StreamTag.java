package dev.appoptics.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tag filter of a {@link ChartStream}: the tag name and the values to match (wildcards such as {@code prod*}
 * allowed), whether matching streams are drawn as one ({@code grouped}), and whether the space's dashboard-level
 * filter supplies the values ({@code dynamic}). Immutable.
 *
 * <pre>{@code
 * StreamTag env = StreamTag.of("environment", "prod*");
 * StreamTag host = StreamTag.dynamic("host");
 * }</pre>
 */
public final class StreamTag {
  private final String name;
  private final List<String> values;
  private final boolean grouped;
  private final boolean dynamic;

  private StreamTag(String name, List<String> values, boolean grouped, boolean dynamic) {
    this.name = ResourceChecks.requireText("tags.name", name);
    this.values = ResourceChecks.copyOf("tags.values", values);
    this.grouped = grouped;
    this.dynamic = dynamic;
  }

  /** Matches the tag against these values. */
  public static StreamTag of(String name, String... values) {
    return new StreamTag(name, Arrays.asList(values), false, false);
  }

  /** Takes its values from the space's dashboard filter. */
  public static StreamTag dynamic(String name) {
    return new StreamTag(name, List.of(), false, true);
  }

  static StreamTag of(String name, List<String> values, boolean grouped, boolean dynamic) {
    return new StreamTag(name, values, grouped, dynamic);
  }

  /** A copy whose matching streams are drawn as one. */
  public StreamTag grouped() {
    return new StreamTag(name, values, true, dynamic);
  }

  /** The tag name. */
  public String name() {
    return name;
  }

  /** The values or patterns to match. */
  public List<String> values() {
    return values;
  }

  /** Whether matching streams are combined. */
  public boolean isGrouped() {
    return grouped;
  }

  /** Whether the space's filter supplies the values. */
  public boolean isDynamic() {
    return dynamic;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamTag t
        && name.equals(t.name)
        && values.equals(t.values)
        && grouped == t.grouped
        && dynamic == t.dynamic;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, values, grouped, dynamic);
  }

  @Override
  public String toString() {
    return "StreamTag{name=" + name + ", values=" + values + (grouped ? ", grouped" : "")
        + (dynamic ? ", dynamic" : "") + "}";
  }
}
