package dev.appoptics.cli.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats measurement values for people: short, locale-independent, no needless zeros. */
public final class Numbers {
  private Numbers() {}

  /**
   * At most {@code digits} significant digits, plain notation for everyday magnitudes and scientific for the rest:
   * {@code 12.5}, {@code 0.333}, {@code 1500000}, {@code 1.2e+12}.
   */
  public static String format(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1e9 || magnitude < 1e-4) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value).replaceAll("\\.?0+e", "e");
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** Every digit needed to read the same double back, in plain notation and without a trailing ".0". */
  public static String exact(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@link #format(double, int)} with 6 significant digits. */
  public static String format(double value) {
    return format(value, 6);
  }
}
