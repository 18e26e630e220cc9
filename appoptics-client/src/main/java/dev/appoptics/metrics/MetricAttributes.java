package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A metric's display and rollup attributes: the documented ones typed, everything else in {@link #other()}. Only
 * attributes that are set are sent, so an update can change one attribute without touching the rest. Immutable.
 *
 * <pre>{@code
 * MetricAttributes a = MetricAttributes.builder().displayUnitsShort("ms").summarizeFunction("max").build();
 * }</pre>
 */
public final class MetricAttributes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MetricAttributes EMPTY = builder().build();

  private final Map<String, Object> values;

  private MetricAttributes(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No attributes. */
  public static MetricAttributes empty() {
    return EMPTY;
  }

  /** Starts an empty set of attributes. */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** A builder holding these attributes. */
  public Builder toBuilder() {
    return new Builder(values);
  }

  /** Chart color, {@code #RRGGBB}. */
  public Optional<String> color() {
    return string("color");
  }

  /** Upper bound of the chart's y axis. */
  public OptionalDouble displayMax() {
    return number("display_max");
  }

  /** Lower bound of the chart's y axis. */
  public OptionalDouble displayMin() {
    return number("display_min");
  }

  /** Unit name, e.g. "milliseconds". */
  public Optional<String> displayUnitsLong() {
    return string("display_units_long");
  }

  /** Unit abbreviation, e.g. "ms". */
  public Optional<String> displayUnitsShort() {
    return string("display_units_short");
  }

  /** Whether charts stack this metric's streams. */
  public Optional<Boolean> displayStacked() {
    return bool("display_stacked");
  }

  /** Rollup function over time: average, sum, count, min or max. */
  public Optional<String> summarizeFunction() {
    return string("summarize_function");
  }

  /** Whether the service aggregates per tag set over the period. */
  public Optional<Boolean> aggregate() {
    return bool("aggregate");
  }

  /** Whether charts show gaps where data is missing. */
  public Optional<Boolean> gapDetection() {
    return bool("gap_detection");
  }

  /** The User-Agent of the request that created the metric (set by the service). */
  public Optional<String> createdByUa() {
    return string("created_by_ua");
  }

  /** Any attribute by its wire name, as a plain Java value (String, Number, Boolean, List, Map). */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every attribute by wire name. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The attributes that have no typed accessor. */
  public Map<String, Object> other() {
    Map<String, Object> rest = new LinkedHashMap<>(values);
    Builder.KNOWN.forEach(rest::remove);
    return Collections.unmodifiableMap(rest);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  private Optional<String> string(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  private OptionalDouble number(String key) {
    Object v = values.get(key);
    return v instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  private Optional<Boolean> bool(String key) {
    Object v = values.get(key);
    return v instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  ObjectNode toJson() {
    return MAPPER.valueToTree(values);
  }

  @SuppressWarnings("unchecked")
  static MetricAttributes fromJson(JsonNode json) {
    if (!json.isObject()) {
      return EMPTY;
    }
    Map<String, Object> map = MAPPER.convertValue(json, Map.class);
    map.values().removeIf(v -> v == null);
    return new MetricAttributes(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricAttributes a && values.equals(a.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Builds {@link MetricAttributes}. */
  public static final class Builder {
    static final java.util.List<String> KNOWN = java.util.List.of(
        "color", "display_max", "display_min", "display_units_long", "display_units_short", "display_stacked",
        "summarize_function", "aggregate", "gap_detection", "created_by_ua");

    private final Map<String, Object> values;

    private Builder(Map<String, Object> values) {
      this.values = new LinkedHashMap<>(values);
    }

    /** Chart color, {@code #RRGGBB}. */
    public Builder color(String color) {
      if (color == null || !ResourceChecks.COLOR.matcher(color).matches()) {
        throw new InvalidInputException("attributes.color", color, "must be #RRGGBB");
      }
      return set("color", color);
    }

    /** Upper bound of the chart's y axis. */
    public Builder displayMax(double max) {
      return set("display_max", Check.finite("attributes.display_max", max));
    }

    /** Lower bound of the chart's y axis. */
    public Builder displayMin(double min) {
      return set("display_min", Check.finite("attributes.display_min", min));
    }

    /** Unit name, e.g. "milliseconds". */
    public Builder displayUnitsLong(String units) {
      return set("display_units_long", units);
    }

    /** Unit abbreviation, e.g. "ms". */
    public Builder displayUnitsShort(String units) {
      return set("display_units_short", units);
    }

    /** Whether charts stack this metric's streams. */
    public Builder displayStacked(boolean stacked) {
      return set("display_stacked", stacked);
    }

    /** Rollup function over time: average, sum, count, min or max. */
    public Builder summarizeFunction(String function) {
      return set("summarize_function", function);
    }

    /** Whether the service aggregates per tag set over the period. */
    public Builder aggregate(boolean aggregate) {
      return set("aggregate", aggregate);
    }

    /** Whether charts show gaps where data is missing. */
    public Builder gapDetection(boolean gapDetection) {
      return set("gap_detection", gapDetection);
    }

    /** Any attribute by wire name; the value must be JSON-like (String, Number, Boolean, List, Map). */
    public Builder set(String name, Object value) {
      String field = "attributes." + name;
      values.put(Check.notNull("attribute name", name), finiteNumbers(field, Check.notNull(field, value)));
      return this;
    }

    /** {@code value}, after checking that no number in it is NaN or infinite (JSON cannot carry them). */
    private static Object finiteNumbers(String field, Object value) {
      if (value instanceof Double || value instanceof Float) {
        Check.finite(field, ((Number) value).doubleValue());
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> finiteNumbers(field + "." + k, v));
      } else if (value instanceof Iterable<?> items) {
        int i = 0;
        for (Object item : items) {
          finiteNumbers(field + "[" + i++ + "]", item);
        }
      }
      return value;
    }

    /** Removes an attribute. */
    public Builder remove(String name) {
      values.remove(name);
      return this;
    }

    public MetricAttributes build() {
      return new MetricAttributes(values);
    }
  }
}
