package dev.appoptics.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One measurement to submit: a metric name, either a single {@link #value()} or summary statistics
 * ({@link #sum()} with {@link #count()}, optionally min/max/last/stddev), its tags, and optionally a time and a
 * period. Immutable; build with {@link #builder(String)} or {@link #of(String, double, Map)}.
 *
 * <p>{@link #attributes()} and {@link #period()} also describe the metric: the service applies them when this
 * write creates the metric and ignores them when the metric already exists.
 *
 * <pre>{@code
 * Measurement m = Measurement.builder("cpu.temp").value(61.5).tag("host", "web1").time(Instant.now()).build();
 * }</pre>
 *
 * <p>Tags given here are the only tags sent unless {@link #inheritTags()} is set (then the queue's and the
 * connection's tags fill in the names not given here) or no tags are given (then the inherited tags are used).
 */
public final class Measurement {
  /** The largest {@code count} of one summary the API stores (2^31 - 1). */
  public static final long MAX_COUNT = Integer.MAX_VALUE;

  private final String name;
  private final OptionalDouble value;
  private final OptionalDouble sum;
  private final OptionalLong count;
  private final OptionalDouble min;
  private final OptionalDouble max;
  private final OptionalDouble last;
  private final OptionalDouble stddev;
  private final Map<String, String> tags;
  private final boolean inheritTags;
  private final OptionalLong time;
  private final OptionalInt period;
  private final MetricAttributes attributes;

  private Measurement(Builder b) {
    this.name = Check.notNull("name", b.name);
    this.value = b.value;
    this.sum = b.sum;
    this.count = b.count;
    this.min = b.min;
    this.max = b.max;
    this.last = b.last;
    this.stddev = b.stddev;
    this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    this.inheritTags = b.inheritTags;
    this.time = b.time;
    this.period = b.period;
    this.attributes = b.attributes;
    if (value.isPresent() == sum.isPresent()) {
      throw new InvalidInputException(
          "value", value.isPresent() ? "value and sum" : "none", name + ": give either a value or sum with count");
    }
    if (sum.isPresent() != count.isPresent()) {
      throw new InvalidInputException("count", count, name + ": sum and count go together");
    }
  }

  /** A measurement of {@code value} with exactly these tags. */
  public static Measurement of(String name, double value, Map<String, String> tags) {
    return builder(name).value(value).tags(tags).build();
  }

  /** Starts a measurement of metric {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this measurement's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.value = value;
    b.sum = sum;
    b.count = count;
    b.min = min;
    b.max = max;
    b.last = last;
    b.stddev = stddev;
    b.tags.putAll(tags);
    b.inheritTags = inheritTags;
    b.time = time;
    b.period = period;
    b.attributes = attributes;
    return b;
  }

  /** The metric name as given (the connection's sanitizer is applied when sending). */
  public String name() {
    return name;
  }

  /** The single value, unless this measurement carries summary statistics. */
  public OptionalDouble value() {
    return value;
  }

  /** Sum of the summarized values. */
  public OptionalDouble sum() {
    return sum;
  }

  /** Number of summarized values. */
  public OptionalLong count() {
    return count;
  }

  /** Smallest summarized value. */
  public OptionalDouble min() {
    return min;
  }

  /** Largest summarized value. */
  public OptionalDouble max() {
    return max;
  }

  /** Last summarized value. */
  public OptionalDouble last() {
    return last;
  }

  /** Population standard deviation of the summarized values. */
  public OptionalDouble stddev() {
    return stddev;
  }

  /** The tags given for this measurement (empty when none were given). */
  public Map<String, String> tags() {
    return tags;
  }

  /** Whether inherited tags fill in tag names not given here. */
  public boolean inheritTags() {
    return inheritTags;
  }

  /** Epoch seconds; absent means "now" on the server. */
  public OptionalLong time() {
    return time;
  }

  /** Reporting period in seconds. */
  public OptionalInt period() {
    return period;
  }

  /** Attributes for the metric when this write creates it; empty when none were given. */
  public MetricAttributes attributes() {
    return attributes;
  }

  /**
   * A copy with the final name and tags, as sent on the wire. {@code finalTags} must be immutable and already
   * validated; it is shared, not copied (see {@link Validated}).
   */
  Measurement resolved(String finalName, Map<String, String> finalTags) {
    return new Measurement(this, finalName, finalTags);
  }

  /**
   * A resolved value measurement built directly (the hot path of {@code add(name, value, tags)}): {@code finalName}
   * and {@code finalTags} must already be validated, the tags immutable.
   */
  static Measurement resolvedValue(String finalName, double value, Map<String, String> finalTags) {
    return new Measurement(finalName, OptionalDouble.of(Check.finite("value", value)), finalTags);
  }

  private Measurement(String finalName, OptionalDouble value, Map<String, String> finalTags) {
    this.name = finalName;
    this.value = value;
    this.sum = OptionalDouble.empty();
    this.count = OptionalLong.empty();
    this.min = OptionalDouble.empty();
    this.max = OptionalDouble.empty();
    this.last = OptionalDouble.empty();
    this.stddev = OptionalDouble.empty();
    this.tags = finalTags;
    this.inheritTags = false;
    this.time = OptionalLong.empty();
    this.period = OptionalInt.empty();
    this.attributes = MetricAttributes.empty();
  }

  private Measurement(Measurement m, String finalName, Map<String, String> finalTags) {
    this.name = finalName;
    this.value = m.value;
    this.sum = m.sum;
    this.count = m.count;
    this.min = m.min;
    this.max = m.max;
    this.last = m.last;
    this.stddev = m.stddev;
    this.tags = finalTags;
    this.inheritTags = false;
    this.time = m.time;
    this.period = m.period;
    this.attributes = m.attributes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Measurement m
        && name.equals(m.name)
        && value.equals(m.value)
        && sum.equals(m.sum)
        && count.equals(m.count)
        && min.equals(m.min)
        && max.equals(m.max)
        && last.equals(m.last)
        && stddev.equals(m.stddev)
        && tags.equals(m.tags)
        && inheritTags == m.inheritTags
        && time.equals(m.time)
        && period.equals(m.period)
        && attributes.equals(m.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value, sum, count, tags, time, period);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Measurement{").append(name);
    value.ifPresent(v -> sb.append(", value=").append(v));
    sum.ifPresent(v -> sb.append(", sum=").append(v));
    count.ifPresent(v -> sb.append(", count=").append(v));
    min.ifPresent(v -> sb.append(", min=").append(v));
    max.ifPresent(v -> sb.append(", max=").append(v));
    sb.append(", tags=").append(tags);
    if (inheritTags) {
      sb.append(", inheritTags");
    }
    time.ifPresent(v -> sb.append(", time=").append(v));
    period.ifPresent(v -> sb.append(", period=").append(v));
    if (!attributes.isEmpty()) {
      sb.append(", attributes=").append(attributes);
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link Measurement}; every setter validates its argument at once. */
  public static final class Builder {
    private String name;
    private OptionalDouble value = OptionalDouble.empty();
    private OptionalDouble sum = OptionalDouble.empty();
    private OptionalLong count = OptionalLong.empty();
    private OptionalDouble min = OptionalDouble.empty();
    private OptionalDouble max = OptionalDouble.empty();
    private OptionalDouble last = OptionalDouble.empty();
    private OptionalDouble stddev = OptionalDouble.empty();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private boolean inheritTags;
    private OptionalLong time = OptionalLong.empty();
    private OptionalInt period = OptionalInt.empty();
    private MetricAttributes attributes = MetricAttributes.empty();

    private Builder(String name) {
      this.name = Check.notNull("name", name);
    }

    /** The single value (finite). */
    public Builder value(double value) {
      this.value = OptionalDouble.of(Check.finite("value", value));
      return this;
    }

    /** Summary statistics: the sum of {@code count} values; {@code count} is 1 to {@link #MAX_COUNT}. */
    public Builder summary(double sum, long count) {
      this.sum = OptionalDouble.of(Check.finite("sum", sum));
      if (count < 1 || count > MAX_COUNT) {
        throw new InvalidInputException("count", count, "must be between 1 and " + MAX_COUNT);
      }
      this.count = OptionalLong.of(count);
      return this;
    }

    /** Smallest summarized value. */
    public Builder min(double min) {
      this.min = OptionalDouble.of(Check.finite("min", min));
      return this;
    }

    /** Largest summarized value. */
    public Builder max(double max) {
      this.max = OptionalDouble.of(Check.finite("max", max));
      return this;
    }

    /** Last summarized value. */
    public Builder last(double last) {
      this.last = OptionalDouble.of(Check.finite("last", last));
      return this;
    }

    /** Population standard deviation of the summarized values. */
    public Builder stddev(double stddev) {
      this.stddev = OptionalDouble.of(Check.finite("stddev", stddev));
      return this;
    }

    /** Adds the tags (later values replace earlier ones of the same name). */
    public Builder tags(Map<String, String> tags) {
      Check.notNull("tags", tags).forEach(this::tag);
      return this;
    }

    /** Adds one tag. */
    public Builder tag(String name, String value) {
      tags.put(Check.notNull("tag name", name), Check.notNull("tags." + name, value));
      return this;
    }

    /** Whether inherited (queue, connection) tags fill in tag names not given here. */
    public Builder inheritTags(boolean inheritTags) {
      this.inheritTags = inheritTags;
      return this;
    }

    /** Measurement time in epoch seconds. */
    public Builder time(long epochSeconds) {
      this.time = OptionalLong.of(Check.positive("time", epochSeconds));
      return this;
    }

    /** Measurement time (sent as whole epoch seconds). */
    public Builder time(Instant time) {
      return time(Check.notNull("time", time).getEpochSecond());
    }

    /** Reporting period in seconds. */
    public Builder period(int seconds) {
      this.period = OptionalInt.of((int) Check.positive("period", seconds));
      return this;
    }

    /**
     * Attributes for the metric, applied by the service only when this write creates it (display units, summarize
     * function, …); an existing metric keeps its attributes. Change those with {@code AppOptics.updateMetric}.
     */
    public Builder attributes(MetricAttributes attributes) {
      this.attributes = Check.notNull("attributes", attributes);
      return this;
    }

    /** Checks value versus summary and builds the measurement. */
    public Measurement build() {
      return new Measurement(this);
    }
  }
}
