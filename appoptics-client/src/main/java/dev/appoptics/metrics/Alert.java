package dev.appoptics.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An alert: conditions on metrics that must all hold, the services to notify, and how often to re-notify. Immutable;
 * build one with {@link #builder(String)}, whose conditions chain:
 *
 * <pre>{@code
 * Alert alert = api.createAlert(
 *     Alert.builder("production.cpu.high")
 *         .description("CPU above 90% for a minute")
 *         .addConditionFor("cpu").above(90).duration(60).tag("environment", "production")
 *         .and()
 *         .addService(opsSlack)
 *         .rearmSeconds(600)
 *         .build());
 * }</pre>
 *
 * <p>Alerts read from the API carry their id, the full {@link #services()} and the service's timestamps.
 */
public final class Alert {
  private final Long id;
  private final String name;
  private final String description;
  private final List<Condition> conditions;
  private final List<Long> serviceIds;
  private final List<Service> services;
  private final Map<String, Object> attributes;
  private final boolean active;
  private final Integer rearmSeconds;
  private final Boolean rearmPerSignal;
  private final Integer version;
  private final Instant createdAt;
  private final Instant updatedAt;

  private Alert(Builder b) {
    id = b.id;
    name = b.decoded ? b.name : ResourceChecks.requireMatch(
        "name", b.name, ResourceChecks.ALERT_NAME, "must be 1-255 characters of A-Z a-z 0-9 . : - _");
    description = b.description;
    List<Condition> built = new ArrayList<>();
    for (int i = 0; i < b.conditions.size(); i++) {
      Object c = b.conditions.get(i);
      built.add(c instanceof Condition done ? done : ((Condition.Builder) c).build("conditions[" + i + "]"));
    }
    conditions = List.copyOf(built);
    serviceIds = List.copyOf(b.services.keySet());
    services = b.services.values().stream().filter(s -> s != null).toList();
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    active = b.active;
    rearmSeconds = b.rearmSeconds;
    rearmPerSignal = b.rearmPerSignal;
    version = b.version;
    createdAt = b.createdAt;
    updatedAt = b.updatedAt;
  }

  /** Starts an alert with its name: 1-255 characters of letters, digits and {@code . : - _}. */
  public static Builder builder(String name) {
    Builder b = new Builder();
    b.name = name;
    return b;
  }

  /** A builder holding this alert's values, id included, for {@link AppOptics#updateAlert(Alert)}. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    b.description = description;
    b.conditions.addAll(conditions);
    serviceIds.forEach(sid -> b.services.put(sid, null));
    services.forEach(s -> b.services.put(s.id(), s));
    b.attributes.putAll(attributes);
    b.active = active;
    b.rearmSeconds = rearmSeconds;
    b.rearmPerSignal = rearmPerSignal;
    b.version = version;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    return b;
  }

  /** The id the service assigned; empty before the alert is created. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The description. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** The conditions; the alert fires when all hold. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** The ids of the services notified. */
  public List<Long> serviceIds() {
    return serviceIds;
  }

  /** The services notified, as full objects where known (always for alerts read from the API). */
  public List<Service> services() {
    return services;
  }

  /** Free-form attributes such as {@code runbook_url}: values are String, Long, Double, Boolean, List or Map. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** Whether the alert is enabled. */
  public boolean isActive() {
    return active;
  }

  /** Seconds before a triggered alert may notify again; the service uses 600 when unset. */
  public OptionalInt rearmSeconds() {
    return rearmSeconds == null ? OptionalInt.empty() : OptionalInt.of(rearmSeconds);
  }

  /** Whether each matching series re-arms on its own. */
  public Optional<Boolean> rearmPerSignal() {
    return Optional.ofNullable(rearmPerSignal);
  }

  /** The alert format version the service reports (2 for tag-based alerts). */
  public OptionalInt version() {
    return version == null ? OptionalInt.empty() : OptionalInt.of(version);
  }

  /** When the service created the alert. */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** When the service last changed the alert. */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  private Object[] fields() {
    return new Object[] {
      id, name, description, conditions, serviceIds, services, attributes, active, rearmSeconds, rearmPerSignal,
      version, createdAt, updatedAt
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Alert a && Arrays.equals(fields(), a.fields());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return "Alert{id=" + id + ", name=" + name + ", active=" + active + ", conditions=" + conditions
        + ", serviceIds=" + serviceIds + (description == null ? "" : ", description=" + description)
        + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
        + (rearmSeconds == null ? "" : ", rearmSeconds=" + rearmSeconds) + "}";
  }

  /**
   * Collects an alert's values; {@link #build()} checks them, conditions included (each failure names the
   * condition's index, as in {@code conditions[1].threshold}). Not thread-safe.
   */
  public static final class Builder {
    private Long id;
    private String name;
    private String description;
    // Condition values or builders still being chained; built (and checked) in order by build().
    private final List<Object> conditions = new ArrayList<>();
    // Service id -> full service, or null when only the id was given.
    private final Map<Long, Service> services = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private boolean active = true;
    private Integer rearmSeconds;
    private Boolean rearmPerSignal;
    private Integer version;
    private Instant createdAt;
    private Instant updatedAt;
    private boolean decoded;

    private Builder() {}

    Builder readOnly(long id, Integer version, Instant createdAt, Instant updatedAt) {
      this.id = id;
      this.version = version;
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
      this.decoded = true;
      return this;
    }

    /** A new name. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The description. */
    public Builder description(String description) {
      this.description = Check.notNull("description", description);
      return this;
    }

    /** Starts a condition on {@code metricName}; chain {@code above}, {@code below} or {@code stopsReportingFor}. */
    public Condition.Builder addConditionFor(String metricName) {
      Condition.Builder condition = new Condition.Builder(this, metricName);
      conditions.add(condition);
      return condition;
    }

    /** Adds a finished condition. */
    public Builder addCondition(Condition condition) {
      conditions.add(Check.notNull("conditions", condition));
      return this;
    }

    /** Removes every condition (an update then deletes the stored ones). */
    public Builder clearConditions() {
      conditions.clear();
      return this;
    }

    /** Notifies the service with this id. */
    public Builder addService(long serviceId) {
      services.putIfAbsent(serviceId, null);
      return this;
    }

    /** Notifies this service. */
    public Builder addService(Service service) {
      Check.notNull("services", service);
      services.put(service.id(), service);
      return this;
    }

    /** Notifies no service. */
    public Builder clearServices() {
      services.clear();
      return this;
    }

    /**
     * Sets an attribute; the value must be a String, Number or Boolean. Whole numbers are kept as {@code Long} and
     * others as {@code Double}, as they read back from the API.
     */
    public Builder attribute(String key, Object value) {
      ResourceChecks.requireText("attributes", key);
      if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
        attributes.put(key, ((Number) value).longValue());
      } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
        attributes.put(key, n.doubleValue());
      } else if (value instanceof String || value instanceof Boolean) {
        attributes.put(key, value);
      } else {
        throw ResourceChecks.invalid("attributes." + key, value, "must be a String, finite Number or Boolean");
      }
      return this;
    }

    /** The runbook shown with notifications (the {@code runbook_url} attribute). */
    public Builder runbookUrl(String url) {
      return attribute("runbook_url", ResourceChecks.requireText("attributes.runbook_url", url));
    }

    Builder rawAttributes(Map<String, Object> values) {
      attributes.putAll(values);
      return this;
    }

    /** Whether the alert is enabled (default true). */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Seconds before a triggered alert may notify again: a multiple of 60. */
    public Builder rearmSeconds(int seconds) {
      if (seconds < 0 || seconds % 60 != 0) {
        throw ResourceChecks.invalid("rearm_seconds", seconds, "must be a non-negative multiple of 60");
      }
      rearmSeconds = seconds;
      return this;
    }

    /** Whether each matching series re-arms on its own. */
    public Builder rearmPerSignal(boolean rearmPerSignal) {
      this.rearmPerSignal = rearmPerSignal;
      return this;
    }

    /** Builds the alert, checking its name and every condition. */
    public Alert build() {
      return new Alert(this);
    }
  }
}
