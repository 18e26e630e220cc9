package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A metric's metadata: name, type ({@code gauge} or {@code composite}), description, display name, period, the
 * composite expression for persisted composites, and {@link MetricAttributes}. Immutable.
 *
 * <p>Used both to read metrics and to describe a create or an update: only the fields that are set are sent.
 *
 * <pre>{@code
 * Metric m = Metric.builder("cpu.temp").description("CPU temperature").period(60).build();
 * }</pre>
 */
public final class Metric {
  /** Type of ordinary metrics. */
  public static final String GAUGE = "gauge";
  /** Type of persisted composite metrics. */
  public static final String COMPOSITE = "composite";

  private final String name;
  private final Optional<String> type;
  private final Optional<String> displayName;
  private final Optional<String> description;
  private final OptionalInt period;
  private final Optional<String> composite;
  private final MetricAttributes attributes;

  private Metric(Builder b) {
    name = b.name;
    type = b.type;
    displayName = b.displayName;
    description = b.description;
    period = b.period;
    composite = b.composite;
    attributes = b.attributes;
  }

  /** Starts describing metric {@code name}. */
  public static Builder builder(String name) {
    return new Builder(Check.notNull("name", name));
  }

  /** A builder holding this metric's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.type = type;
    b.displayName = displayName;
    b.description = description;
    b.period = period;
    b.composite = composite;
    b.attributes = attributes;
    return b;
  }

  /** The metric's name. */
  public String name() {
    return name;
  }

  /** {@link #GAUGE} unless the metric is a persisted composite (or the type was set explicitly). */
  public String type() {
    return type.orElse(GAUGE);
  }

  /** Display name, when one is set. */
  public Optional<String> displayName() {
    return displayName;
  }

  /** Free-text description. */
  public Optional<String> description() {
    return description;
  }

  /** Reporting period in seconds. */
  public OptionalInt period() {
    return period;
  }

  /** The composite expression of a persisted composite metric. */
  public Optional<String> composite() {
    return composite;
  }

  /** Display and rollup attributes. */
  public MetricAttributes attributes() {
    return attributes;
  }

  /** The request body for a create or update: only the fields that are set ({@code type} when given). */
  ObjectNode toJson(String wireName, boolean withType) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("name", wireName);
    if (withType) {
      json.put("type", type());
    }
    displayName.ifPresent(v -> json.put("display_name", v));
    description.ifPresent(v -> json.put("description", v));
    period.ifPresent(v -> json.put("period", v));
    composite.ifPresent(v -> json.put("composite", v));
    if (!attributes.isEmpty()) {
      json.set("attributes", attributes.toJson());
    }
    return json;
  }

  /** Whether the type was set explicitly (updates leave it alone otherwise). */
  boolean hasType() {
    return type.isPresent();
  }

  static Metric fromJson(JsonNode json) {
    Builder b = new Builder(json.path("name").asText());
    if (json.hasNonNull("type")) {
      b.type = Optional.of(json.get("type").asText());
    }
    if (json.hasNonNull("display_name")) {
      b.displayName = Optional.of(json.get("display_name").asText());
    }
    if (json.hasNonNull("description")) {
      b.description = Optional.of(json.get("description").asText());
    }
    if (json.path("period").isNumber()) {
      b.period = OptionalInt.of(json.get("period").asInt());
    }
    if (json.hasNonNull("composite")) {
      b.composite = Optional.of(json.get("composite").asText());
    }
    b.attributes = MetricAttributes.fromJson(json.path("attributes"));
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metric m
        && name.equals(m.name)
        && type().equals(m.type())
        && displayName.equals(m.displayName)
        && description.equals(m.description)
        && period.equals(m.period)
        && composite.equals(m.composite)
        && attributes.equals(m.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type(), description, period, composite, attributes);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Metric{").append(name).append(", ").append(type());
    description.ifPresent(v -> sb.append(", description=").append(v));
    period.ifPresent(v -> sb.append(", period=").append(v));
    composite.ifPresent(v -> sb.append(", composite=").append(v));
    if (!attributes.isEmpty()) {
      sb.append(", attributes=").append(attributes);
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link Metric}. */
  public static final class Builder {
    private final String name;
    private Optional<String> type = Optional.empty();
    private Optional<String> displayName = Optional.empty();
    private Optional<String> description = Optional.empty();
    private OptionalInt period = OptionalInt.empty();
    private Optional<String> composite = Optional.empty();
    private MetricAttributes attributes = MetricAttributes.empty();

    private Builder(String name) {
      this.name = name;
    }

    /** {@link #GAUGE} or {@link #COMPOSITE}. */
    public Builder type(String type) {
      this.type = Optional.of(Check.notNull("type", type));
      return this;
    }

    /** Display name. */
    public Builder displayName(String displayName) {
      this.displayName = Optional.of(Check.notNull("display_name", displayName));
      return this;
    }

    /** Free-text description. */
    public Builder description(String description) {
      this.description = Optional.of(Check.notNull("description", description));
      return this;
    }

    /** Reporting period in seconds. */
    public Builder period(int seconds) {
      this.period = OptionalInt.of((int) Check.positive("period", seconds));
      return this;
    }

    /** Makes this a persisted composite with the given expression (and sets the type to composite). */
    public Builder composite(String expression) {
      this.composite = Optional.of(Check.notNull("composite", expression));
      this.type = Optional.of(COMPOSITE);
      return this;
    }

    /** Display and rollup attributes. */
    public Builder attributes(MetricAttributes attributes) {
      this.attributes = Check.notNull("attributes", attributes);
      return this;
    }

    public Metric build() {
      return new Metric(this);
    }
  }
}
