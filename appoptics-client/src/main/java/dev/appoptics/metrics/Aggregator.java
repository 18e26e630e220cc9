package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Summarizes values client-side: per metric name it keeps count, sum, min and max, and submits one summary
 * measurement per name instead of every value. With a period, the measurement time is floored to a multiple of it.
 *
 * <pre>{@code
 * Aggregator agg = api.newAggregator(AggregatorOptions.builder().tags(Map.of("host", "web1")).period(60).build());
 * agg.add("latency", 12.0);
 * agg.add("latency", 30.0);
 * agg.submit();   // one measurement: count 2, sum 42, min 12, max 30
 * }</pre>
 *
 * <p>Thread-safe (all methods synchronize on the aggregator).
 */
public final class Aggregator {
  private final Measurements api;
  private final OptionalInt period;
  private final Map<String, double[]> stats = new LinkedHashMap<>(); // name -> {count, sum, min, max}
  private Map<String, String> tags;
  private OptionalLong measureTime;

  Aggregator(Measurements api, AggregatorOptions options) {
    this.api = api;
    this.period = options.period();
    this.tags = options.tags();
    this.measureTime = options.time();
  }

  /**
   * Adds a value to the summary of {@code name}.
   *
   * @return the summary of {@code name} so far
   */
  public synchronized Measurement add(String name, double value) {
    Check.notNull("name", name);
    Check.finite("value", value);
    double[] s = stats.computeIfAbsent(name, n -> new double[] {0, 0, value, value});
    s[0] += 1;
    s[1] += value;
    s[2] = Math.min(s[2], value);
    s[3] = Math.max(s[3], value);
    return summary(name, s, OptionalLong.empty());
  }

  /** Same as {@link #add}. */
  public Measurement addTagged(String name, double value) {
    return add(name, value);
  }

  /** The measurements {@link #submit()} would send: one summary per name, with tags, time and period. */
  public synchronized List<Measurement> toPayload() {
    OptionalLong time = floorMeasureTime();
    List<Measurement> out = new ArrayList<>(stats.size());
    stats.forEach((name, s) -> out.add(summary(name, s, time)));
    return out;
  }

  /** Same as {@link #toPayload()}. */
  public List<Measurement> toMdPayload() {
    return toPayload();
  }

  /** The measurement time floored to the period (now when no time was set); the set time when no period. */
  public synchronized OptionalLong floorMeasureTime() {
    if (period.isEmpty()) {
      return measureTime;
    }
    long t = measureTime.orElse(System.currentTimeMillis() / 1000);
    return OptionalLong.of(t - t % period.getAsInt());
  }

  /** Like {@link #floorMeasureTime()}, and keeps the result as the measurement time until {@link #clear()}. */
  public synchronized OptionalLong getMeasureTime() {
    measureTime = floorMeasureTime();
    return measureTime;
  }

  /** Sends all summaries (in requests of up to 300, like {@code submit}; nothing when empty), then clears. */
  public synchronized void submit() {
    List<Measurement> payload = toPayload();
    if (payload.isEmpty()) {
      return;
    }
    api.submit(payload);
    clear();
  }

  /** Forgets all summaries and the measurement time. */
  public synchronized void clear() {
    stats.clear();
    measureTime = OptionalLong.empty();
  }

  /** The summaries and clears, atomically (for {@link Queue#addAggregator}). */
  synchronized List<Measurement> drain() {
    List<Measurement> out = toPayload();
    clear();
    return out;
  }

  /** Names with a summary. */
  public synchronized int size() {
    return stats.size();
  }

  /** The aggregator's tags. */
  public synchronized Map<String, String> getTags() {
    return tags;
  }

  /** Replaces the aggregator's tags. */
  public synchronized void setTags(Map<String, String> tags) {
    this.tags = Tags.copy(tags);
  }

  /** Adds to the aggregator's tags. */
  public synchronized void addTags(Map<String, String> tags) {
    this.tags = Tags.merge(this.tags, tags);
  }

  private Measurement summary(String name, double[] s, OptionalLong time) {
    Measurement.Builder b = Measurement.builder(name).summary(s[1], (long) s[0]).min(s[2]).max(s[3]).tags(tags);
    time.ifPresent(b::time);
    period.ifPresent(b::period);
    return b.build();
  }
}
