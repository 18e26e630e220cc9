package dev.appoptics.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One point of a {@link Series}: a time (epoch seconds, floored to the resolution) and its value. With
 * {@code summary_function=all} a point carries several summaries instead; read them with {@link #summaries()}.
 */
public final class Point {
  private final long time;
  private final OptionalDouble value;
  private final Map<String, Double> summaries;

  Point(long time, OptionalDouble value, Map<String, Double> summaries) {
    this.time = time;
    this.value = value;
    this.summaries = Map.copyOf(summaries);
  }

  /** Epoch seconds. */
  public long time() {
    return time;
  }

  /**
   * The point's value.
   *
   * @throws IllegalStateException when the point only carries summaries ({@code summary_function=all})
   */
  public double value() {
    if (value.isEmpty()) {
      throw new IllegalStateException("this point has no single value, only summaries " + summaries.keySet());
    }
    return value.getAsDouble();
  }

  /** The point's value, absent when it only carries summaries. */
  public OptionalDouble valueIfPresent() {
    return value;
  }

  /** Every numeric field of the point other than time, by name ("value", or "sum", "count", … for all). */
  public Map<String, Double> summaries() {
    return summaries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Point p && time == p.time && value.equals(p.value) && summaries.equals(p.summaries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, value, summaries);
  }

  @Override
  public String toString() {
    return value.isPresent() ? time + "=" + value.getAsDouble() : time + "=" + summaries;
  }
}
