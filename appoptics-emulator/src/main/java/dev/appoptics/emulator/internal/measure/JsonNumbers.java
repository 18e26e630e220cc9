package dev.appoptics.emulator.internal.measure;

/**
 * Exact conversion of a decimal {@code ±mantissa × 10^exponent} to a double without going through a String, when
 * that can be done with one correctly rounded operation (Clinger's fast path): the mantissa is at most 2^53, so it
 * is exact as a double, and so is the power of ten up to 10^22; one IEEE multiplication or division of two exact
 * operands is correctly rounded. Anything else is left to {@link Double#parseDouble}.
 */
final class JsonNumbers {
  static final long MAX_EXACT_MANTISSA = 1L << 53;
  private static final double[] POWERS = new double[23];
  private static final long[] LONG_POWERS = new long[19];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p; // every 10^i up to 10^22 is exactly representable
      p *= 10;
    }
    long q = 1;
    for (int i = 0; i < LONG_POWERS.length; i++) {
      LONG_POWERS[i] = q;
      q *= 10;
    }
  }

  private JsonNumbers() {}

  /**
   * {@code mantissa × 10^exponent}, negated when {@code negative}, correctly rounded; NaN when the fast path does
   * not apply (the caller then parses the text).
   */
  static double fastDouble(long mantissa, int exponent, boolean negative) {
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (mantissa < 0 || mantissa > MAX_EXACT_MANTISSA) {
      return Double.NaN;
    }
    double d;
    if (exponent >= 0 && exponent <= 22) {
      d = (double) mantissa * POWERS[exponent];
    } else if (exponent < 0 && exponent >= -22) {
      d = (double) mantissa / POWERS[-exponent];
    } else if (exponent > 22 && exponent <= 22 + 18) {
      // Move the surplus into the mantissa while it stays exact: 1e30 is 10^8 × 10^22.
      long scale = LONG_POWERS[exponent - 22];
      if (mantissa > MAX_EXACT_MANTISSA / scale) {
        return Double.NaN;
      }
      d = (double) (mantissa * scale) * POWERS[22];
    } else {
      return Double.NaN;
    }
    return negative ? -d : d;
  }
}
