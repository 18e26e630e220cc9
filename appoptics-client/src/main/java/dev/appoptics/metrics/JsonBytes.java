package dev.appoptics.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A growable UTF-8 JSON writer for measurement batches. It writes only what batches hold (objects of known fields,
 * strings, finite numbers, booleans, lists) and leaves structure to the caller, which is what makes it cheaper than a
 * general generator: pre-encoded fragments (field names, a tag set's whole object) are copied as bytes, ASCII strings
 * take one pass, and most metric values are written without {@code Double.toString}. Not thread-safe.
 */
final class JsonBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** Powers of ten tried when writing a double as an exact decimal (see {@link #number(double)}). */
  private static final double[] SCALES = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  /** Integers of at most this magnitude are exact as doubles. */
  private static final double EXACT = 9_007_199_254_740_992d;
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  private byte[] buf;
  private int len;

  JsonBytes(int capacity) {
    buf = new byte[Math.max(capacity, 64)];
  }

  /** Bytes of a fixed ASCII fragment, encoded once by the caller and reused. */
  static byte[] ascii(String fragment) {
    return fragment.getBytes(StandardCharsets.US_ASCII);
  }

  int length() {
    return len;
  }

  void reset() {
    len = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  JsonBytes raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  JsonBytes raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** A JSON string: quoted, escaped, UTF-8. */
  JsonBytes string(String s) {
    int n = s.length();
    ensure(n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return escapedTail(s, i);
      }
      buf[len++] = (byte) c;
    }
    buf[len++] = '"';
    return this;
  }

  /** The rest of a string from {@code from} on, which needs escapes or multi-byte UTF-8. */
  private JsonBytes escapedTail(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      ensure(12);
      if (c == '"' || c == '\\') {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      } else if (c < 0x20) {
        escapeControl(c);
      } else if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | c >> 6);
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | cp >> 18);
        buf[len++] = (byte) (0x80 | (cp >> 12 & 0x3f));
        buf[len++] = (byte) (0x80 | (cp >> 6 & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        // a lone surrogate has no UTF-8 form; a \\u escape keeps it as given instead of replacing it with '?'
        escapeUnicode(c);
      } else {
        buf[len++] = (byte) (0xe0 | c >> 12);
        buf[len++] = (byte) (0x80 | (c >> 6 & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    ensure(1);
    buf[len++] = '"';
    return this;
  }

  private void escapeControl(char c) {
    switch (c) {
      case '\n' -> twoChars('n');
      case '\r' -> twoChars('r');
      case '\t' -> twoChars('t');
      case '\b' -> twoChars('b');
      case '\f' -> twoChars('f');
      default -> escapeUnicode(c);
    }
  }

  private void twoChars(char c) {
    buf[len++] = '\\';
    buf[len++] = (byte) c;
  }

  private void escapeUnicode(char c) {
    buf[len++] = '\\';
    buf[len++] = 'u';
    buf[len++] = HEX[c >> 12 & 0xf];
    buf[len++] = HEX[c >> 8 & 0xf];
    buf[len++] = HEX[c >> 4 & 0xf];
    buf[len++] = HEX[c & 0xf];
  }

  JsonBytes number(long v) {
    if (v == Long.MIN_VALUE) {
      return raw(ascii(Long.toString(v)));
    }
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    digits(v, 0);
    return this;
  }

  /**
   * A finite double (callers check: {@link MetricAttributes} and {@link Measurement} refuse the others), exactly:
   * when {@code v} is {@code m / 10^k} for an integer {@code m} below 2^53 and {@code k} at most 6, the decimal {@code m / 10^k} is written directly (that decimal reads back as {@code v}, since both the
   * reader and the division round the same exact rational to the nearest double); every other value, and negative
   * zero, is written by {@code Double.toString}. Integral values keep the {@code .0}, as {@code Double.toString}
   * writes them.
   */
  JsonBytes number(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("JSON cannot carry " + v);
    }
    double magnitude = Math.abs(v);
    if (magnitude < EXACT && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
      for (int k = 0; k < SCALES.length; k++) {
        double scaled = magnitude * SCALES[k];
        if (scaled >= EXACT) {
          break;
        }
        double m = Math.rint(scaled);
        if (m / SCALES[k] == magnitude) {
          decimal(v < 0, (long) m, k);
          return this;
        }
      }
    }
    return raw(ascii(Double.toString(v)));
  }

  private void decimal(boolean negative, long m, int scale) {
    ensure(26);
    if (negative) {
      buf[len++] = '-';
    }
    if (scale == 0) {
      digits(m, 0);
      buf[len++] = '.';
      buf[len++] = '0';
      return;
    }
    digits(m, scale);
  }

  /** {@code v} (not negative) in decimal, with a point {@code scale} digits from the right (0: none). */
  private void digits(long v, int scale) {
    int count = 1;
    for (long t = v; t >= 10; t /= 10) {
      count++;
    }
    int intDigits = Math.max(count - scale, 1);
    int total = scale == 0 ? count : intDigits + 1 + scale;
    int end = len + total;
    int pos = end;
    for (int written = 0; written < Math.max(count, scale + 1); written++) {
      if (scale > 0 && written == scale) {
        buf[--pos] = '.';
      }
      buf[--pos] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len = end;
  }

  /** A JSON-like value: map, iterable, boolean, integer or other number, null, or anything else as its string. */
  JsonBytes value(Object value) {
    if (value instanceof Map<?, ?> map) {
      raw('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          raw(',');
        }
        first = false;
        string(String.valueOf(e.getKey())).raw(':').value(e.getValue());
      }
      return raw('}');
    } else if (value instanceof Iterable<?> items) {
      raw('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          raw(',');
        }
        first = false;
        value(item);
      }
      return raw(']');
    } else if (value instanceof Boolean b) {
      return raw(b ? TRUE : FALSE);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return number(((Number) value).longValue());
    } else if (value instanceof Number n) {
      return number(n.doubleValue());
    } else if (value == null) {
      return raw(NULL);
    }
    return string(value.toString());
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
