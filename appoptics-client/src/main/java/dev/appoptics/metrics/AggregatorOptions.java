package dev.appoptics.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Settings of an {@link Aggregator}: tags for its measurements, a period (the measurement time is floored to it) and
 * a fixed measurement time. Immutable.
 */
public final class AggregatorOptions {
  private static final AggregatorOptions DEFAULTS = builder().build();

  private final Map<String, String> tags;
  private final OptionalInt period;
  private final OptionalLong time;

  private AggregatorOptions(Builder b) {
    tags = b.tags;
    period = b.period;
    time = b.time;
  }

  /** No tags (the connection's are used), no period, time chosen by the server. */
  public static AggregatorOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Tags for every aggregated measurement. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Period in seconds; sent with each summary and used to floor the time. */
  public OptionalInt period() {
    return period;
  }

  /** Fixed measurement time, epoch seconds. */
  public OptionalLong time() {
    return time;
  }

  /** Builds {@link AggregatorOptions}. */
  public static final class Builder {
    private Map<String, String> tags = Map.of();
    private OptionalInt period = OptionalInt.empty();
    private OptionalLong time = OptionalLong.empty();

    private Builder() {}

    /** Tags for every aggregated measurement. */
    public Builder tags(Map<String, String> tags) {
      this.tags = Tags.copy(tags);
      return this;
    }

    /** Period in seconds. */
    public Builder period(int seconds) {
      this.period = OptionalInt.of((int) Check.positive("period", seconds));
      return this;
    }

    /** Fixed measurement time, epoch seconds. */
    public Builder time(long epochSeconds) {
      this.time = OptionalLong.of(Check.positive("time", epochSeconds));
      return this;
    }

    /** Fixed measurement time. */
    public Builder time(Instant time) {
      return time(Check.notNull("time", time).getEpochSecond());
    }

    public AggregatorOptions build() {
      return new AggregatorOptions(this);
    }
  }
}
