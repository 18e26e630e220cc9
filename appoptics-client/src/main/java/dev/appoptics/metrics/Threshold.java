package dev.appoptics.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A colour band of a big-number chart: when the value compares to {@code value} by {@code operator} ({@code >},
 * {@code <} or {@code =}), the number shows in {@code type} ({@code red} or {@code yellow}). Immutable.
 *
 * <pre>{@code
 * Threshold tooHot = Threshold.of(">", 90, "red");
 * }</pre>
 */
public final class Threshold {
  private static final List<String> OPERATORS = List.of(">", "<", "=");
  private static final List<String> TYPES = List.of("red", "yellow");

  private final String operator;
  private final double value;
  private final String type;

  private Threshold(String operator, double value, String type) {
    this.operator = ResourceChecks.requireOneOf("thresholds.operator", operator, OPERATORS);
    this.value = ResourceChecks.requireFinite("thresholds.value", value);
    this.type = ResourceChecks.requireOneOf("thresholds.type", type, TYPES);
  }

  /** A threshold; {@code operator} is one of {@code > < =} and {@code type} one of {@code red yellow}. */
  public static Threshold of(String operator, double value, String type) {
    return new Threshold(operator, value, type);
  }

  /** {@code >}, {@code <} or {@code =}. */
  public String operator() {
    return operator;
  }

  /** The value compared against. */
  public double value() {
    return value;
  }

  /** {@code red} or {@code yellow}. */
  public String type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Threshold t
        && operator.equals(t.operator)
        && Double.compare(value, t.value) == 0
        && type.equals(t.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operator, value, type);
  }

  @Override
  public String toString() {
    return "Threshold{" + operator + " " + value + " " + type + "}";
  }
}
