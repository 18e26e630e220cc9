package dev.appoptics.emulator.internal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * How one bucket of merged measurements becomes one number. {@code MEAN} is {@code sum / count}; {@code STDDEV} is the
 * population standard deviation of every sample that landed in the bucket. {@code DERIVATIVE} is not a bucket function:
 * the query takes the difference of consecutive {@code MEAN} values.
 */
public enum SummaryFunction {
  COUNT,
  SUM,
  MIN,
  MAX,
  MEAN,
  LAST,
  STDDEV,
  DERIVATIVE;

  /** The function a query parameter or metric attribute names; {@code average} is an alias of {@code mean}. */
  public static Optional<SummaryFunction> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("average") || t.equals("avg")) {
      return Optional.of(MEAN);
    }
    for (SummaryFunction f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
