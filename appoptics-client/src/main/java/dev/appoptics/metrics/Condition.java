package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One condition of an {@link Alert}: the metric is above or below a threshold (optionally for a duration), or has
 * stopped reporting. An alert fires when all its conditions hold. Immutable; usually built through {@link
 * Alert.Builder#addConditionFor(String)}:
 *
 * <pre>{@code
 * Alert alert = Alert.builder("cpu.high")
 *     .addConditionFor("cpu").above(90).duration(300)
 *     .addConditionFor("heartbeat").stopsReportingFor(600)
 *     .build();
 * }</pre>
 */
public final class Condition {
  static final List<String> SUMMARY_FUNCTIONS = List.of("average", "sum", "min", "max", "count", "derivative");
  static final int MIN_DURATION = 60;
  static final int MAX_DURATION = 3600;

  private final Long id;
  private final ConditionType type;
  private final String metricName;
  private final Double threshold;
  private final Integer duration;
  private final String summaryFunction;
  private final List<ConditionTag> tags;
  private final Boolean detectReset;

  private Condition(Builder b, String field) {
    id = b.id;
    type = b.type;
    metricName = b.metricName;
    threshold = b.threshold;
    duration = b.duration;
    summaryFunction = b.summaryFunction;
    tags = List.copyOf(b.tags);
    detectReset = b.detectReset;
    if (b.decoded) {
      return;
    }
    if (type == null) {
      throw ResourceChecks.invalid(
          field + ".type", null, "is not set for metric " + metricName + ": call above, below or stopsReportingFor");
    }
    if (type != ConditionType.ABSENT && threshold == null) {
      throw ResourceChecks.invalid(field + ".threshold", null, "is required for " + type.wireName() + " conditions");
    }
    if (type == ConditionType.ABSENT && threshold != null) {
      throw ResourceChecks.invalid(field + ".threshold", threshold, "does not apply to absent conditions");
    }
    if (type == ConditionType.ABSENT && duration == null) {
      throw ResourceChecks.invalid(field + ".duration", null, "is required for absent conditions");
    }
  }

  /** Starts a condition on a metric, outside an alert builder (see {@link Alert.Builder#addCondition}). */
  public static Builder forMetric(String metricName) {
    return new Builder(null, metricName);
  }

  /** A builder holding this condition's values. */
  public Builder toBuilder() {
    Builder b = new Builder(null, metricName);
    b.id = id;
    b.type = type;
    b.threshold = threshold;
    b.duration = duration;
    b.summaryFunction = summaryFunction;
    b.tags.addAll(tags);
    b.detectReset = detectReset;
    return b;
  }

  /** The id the service assigned; empty before the alert is saved. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** Above, below or absent. */
  public ConditionType type() {
    return type;
  }

  /** The metric watched. */
  public String metricName() {
    return metricName;
  }

  /** The threshold of an above/below condition. */
  public OptionalDouble threshold() {
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /** Seconds the condition must hold (60 to 3600); empty means a single sample triggers. */
  public OptionalInt duration() {
    return duration == null ? OptionalInt.empty() : OptionalInt.of(duration);
  }

  /** How series values are summarized before comparing; the service uses {@code average} when unset. */
  public Optional<String> summaryFunction() {
    return Optional.ofNullable(summaryFunction);
  }

  /** The tag filters; empty means every series of the metric. */
  public List<ConditionTag> tags() {
    return tags;
  }

  /** For {@code derivative}: whether counter resets are detected (the service defaults to true). */
  public Optional<Boolean> detectReset() {
    return Optional.ofNullable(detectReset);
  }

  /** Whether one sample is enough to trigger (no duration). */
  public boolean isImmediate() {
    return duration == null;
  }

  private Object[] fields() {
    return new Object[] {id, type, metricName, threshold, duration, summaryFunction, tags, detectReset};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c && Arrays.equals(fields(), c.fields());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return "Condition{" + (type == null ? "?" : type.wireName()) + " " + metricName
        + (threshold == null ? "" : " " + threshold) + (duration == null ? "" : " for " + duration + "s")
        + (summaryFunction == null ? "" : " (" + summaryFunction + ")") + (tags.isEmpty() ? "" : " " + tags)
        + (id == null ? "" : " id=" + id) + "}";
  }

  /**
   * Collects a condition's values. Its setters chain; {@link #and()} returns to the alert builder it was started
   * from, and {@link #addConditionFor(String)} starts the alert's next condition. Not thread-safe.
   */
  public static final class Builder {
    private final Alert.Builder alert;
    private final String metricName;
    private Long id;
    private ConditionType type;
    private Double threshold;
    private Integer duration;
    private String summaryFunction;
    private final List<ConditionTag> tags = new ArrayList<>();
    private Boolean detectReset;
    private boolean decoded;

    Builder(Alert.Builder alert, String metricName) {
      this.alert = alert;
      this.metricName = ResourceChecks.requireText("conditions.metric_name", metricName);
    }

    Builder id(long id) {
      this.id = id;
      return this;
    }

    Builder decoded() {
      this.decoded = true;
      return this;
    }

    /** Fires when the averaged value rises above {@code threshold}. */
    public Builder above(double threshold) {
      return compare(ConditionType.ABOVE, threshold, "average");
    }

    /** Fires when the value, summarized by {@code summaryFunction} (sum, min, max, …), rises above the threshold. */
    public Builder above(double threshold, String summaryFunction) {
      return compare(ConditionType.ABOVE, threshold, summaryFunction);
    }

    /** Fires when the averaged value falls below {@code threshold}. */
    public Builder below(double threshold) {
      return compare(ConditionType.BELOW, threshold, "average");
    }

    /** Fires when the value, summarized by {@code summaryFunction}, falls below the threshold. */
    public Builder below(double threshold, String summaryFunction) {
      return compare(ConditionType.BELOW, threshold, summaryFunction);
    }

    /** Fires when the metric sends nothing for {@code seconds} (60 to 3600). */
    public Builder stopsReportingFor(int seconds) {
      type = ConditionType.ABSENT;
      threshold = null;
      summaryFunction = null;
      return duration(seconds);
    }

    /** How long, in seconds (60 to 3600), the condition must hold before the alert fires. */
    public Builder duration(int seconds) {
      if (!decoded && (seconds < MIN_DURATION || seconds > MAX_DURATION)) {
        throw ResourceChecks.invalid(
            "conditions.duration", seconds, "must be between " + MIN_DURATION + " and " + MAX_DURATION + " seconds");
      }
      duration = seconds;
      return this;
    }

    /** The summary function: average, sum, min, max, count or derivative. */
    public Builder summaryFunction(String function) {
      summaryFunction = ResourceChecks.requireOneOf("conditions.summary_function", function, SUMMARY_FUNCTIONS);
      return this;
    }

    /** For {@code derivative}: whether counter resets are detected. */
    public Builder detectReset(boolean detectReset) {
      this.detectReset = detectReset;
      return this;
    }

    /** Restricts the condition to series whose tag matches one of the values. */
    public Builder tag(String name, String... values) {
      return tag(ConditionTag.of(name, values));
    }

    /** Adds a tag filter. */
    public Builder tag(ConditionTag tag) {
      tags.add(Check.notNull("conditions.tags", tag));
      return this;
    }

    /** Sets the type and threshold directly; prefer {@link #above}/{@link #below}/{@link #stopsReportingFor}. */
    public Builder type(ConditionType type) {
      this.type = Check.notNull("conditions.type", type);
      return this;
    }

    /** Sets the threshold directly. */
    public Builder threshold(double threshold) {
      this.threshold = ResourceChecks.requireFinite("conditions.threshold", threshold);
      return this;
    }

    /** Returns to the alert builder this condition belongs to. */
    public Alert.Builder and() {
      if (alert == null) {
        throw new IllegalStateException("this condition was not started from an alert builder; use build()");
      }
      return alert;
    }

    /** Starts the alert's next condition. */
    public Builder addConditionFor(String metricName) {
      return and().addConditionFor(metricName);
    }

    /** Builds the condition, checking that it is complete. */
    public Condition build() {
      return new Condition(this, "condition");
    }

    Condition build(String field) {
      return new Condition(this, field);
    }

    private Builder compare(ConditionType type, double threshold, String summaryFunction) {
      this.type = type;
      threshold(threshold);
      return summaryFunction(summaryFunction);
    }
  }
}
