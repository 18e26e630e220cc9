package dev.appoptics.emulator.internal.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The numbers of a {@link JsonCursor}: scanned strictly (JSON's grammar, no leading zeros, at most {@link
 * #MAX_NUMBER_LENGTH} characters) into a mantissa and a decimal exponent, then converted exactly. Conversion of a
 * decimal {@code ±mantissa × 10^exponent} to a double without going through a String, when
 * that can be done with one correctly rounded operation (Clinger's fast path): the mantissa is at most 2^53, so it
 * is exact as a double, and so is the power of ten up to 10^22; one IEEE multiplication or division of two exact
 * operands is correctly rounded. Anything else is left to {@link Double#parseDouble}.
 */
final class JsonNumbers {
  static final int MAX_NUMBER_LENGTH = 1000;
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

  private long mantissa;
  private int exponent;
  private boolean negative;
  /** More significant digits than a long holds: only the text can give the value. */
  private boolean longNumber;
  private boolean isFloat;

  /** Scans the number starting at {@code in[from]} (a minus or a digit); returns the offset just after it. */
  int scan(byte[] in, int from, int end) {
    int s = from;
    int i = from;
    boolean minus = in[i] == '-';
    if (minus) {
      i++;
      if (i >= end || !isDigit(in[i])) {
        throw JsonSyntaxException.at(
            in, end, i, "in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value");
      }
    }
    long m = 0;
    int digits = 0;
    boolean tooLong = false;
    if (in[i] == '0') {
      i++;
      if (i < end && isDigit(in[i])) {
        throw new JsonSyntaxException("Invalid numeric value: Leading zeroes not allowed", i);
      }
    } else {
      for (; i < end && isDigit(in[i]); i++) {
        if (digits < 18) {
          m = m * 10 + (in[i] - '0');
          digits++;
        } else {
          tooLong = true;
        }
      }
    }
    int exp = 0;
    boolean fraction = i < end && in[i] == '.';
    if (fraction) {
      int first = ++i;
      for (; i < end && isDigit(in[i]); i++) {
        int d = in[i] - '0';
        if (m == 0 && d == 0) {
          exp--; // leading zeros of the fraction are not significant digits
        } else if (digits < 18) {
          m = m * 10 + d;
          digits++;
          exp--;
        } else {
          tooLong = true;
        }
      }
      if (i == first) {
        throw JsonSyntaxException.at(in, end, i, "in numeric value: Decimal point not followed by a digit");
      }
    }
    boolean exponentPart = i < end && (in[i] == 'e' || in[i] == 'E');
    if (exponentPart) {
      i++;
      boolean minusExp = i < end && in[i] == '-';
      if (i < end && (in[i] == '-' || in[i] == '+')) {
        i++;
      }
      int first = i;
      int e = 0;
      for (; i < end && isDigit(in[i]); i++) {
        e = Math.min(e * 10 + (in[i] - '0'), 100_000); // far beyond any double; the text decides then
      }
      if (i == first) {
        throw JsonSyntaxException.at(in, end, i, "in numeric value: Exponent indicator not followed by a digit");
      }
      exp += minusExp ? -e : e;
    }
    if (i - s > MAX_NUMBER_LENGTH) {
      throw new JsonSyntaxException(
          "Number value length (" + (i - s) + ") exceeds the maximum allowed (" + MAX_NUMBER_LENGTH + ")", s);
    }
    mantissa = m;
    exponent = exp;
    negative = minus;
    longNumber = tooLong;
    isFloat = fraction || exponentPart;
    return i;
  }

  /** True when the last number had a fraction or an exponent. */
  boolean isFloat() {
    return isFloat;
  }

  /** The last number, written as {@code in[start, stop)}, as a double: exactly what {@link Double#parseDouble} says. */
  double doubleValue(byte[] in, int start, int stop) {
    if (!longNumber) {
      if (!isFloat) {
        return (double) (negative ? -mantissa : mantissa); // "-0" is the integer 0, as Jackson has it
      }
      double d = fastDouble(mantissa, exponent, negative);
      if (!Double.isNaN(d)) {
        return d;
      }
    }
    return Double.parseDouble(new String(in, start, stop - start, StandardCharsets.ISO_8859_1));
  }

  /** The last number as Jackson's untyped reading gives it: Integer, Long or BigInteger by size, else Double. */
  Number numberValue(byte[] in, int start, int stop) {
    if (isFloat) {
      return doubleValue(in, start, stop);
    }
    if (!longNumber) {
      long v = negative ? -mantissa : mantissa;
      return v == (int) v ? (Number) (int) v : (Number) v;
    }
    BigInteger big = new BigInteger(new String(in, start, stop - start, StandardCharsets.ISO_8859_1));
    return big.bitLength() < 64 ? (Number) big.longValue() : big;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

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
