package dev.appoptics.emulator.internal.json;

/**
 * The strings of a {@link JsonCursor}: the fast scan over plain ASCII, and the slow path for escapes and multi-byte
 * UTF-8, decoded strictly (overlong forms, encoded surrogates, code points above U+10FFFF and truncated sequences are
 * errors, never replaced).
 */
final class JsonStrings {
  private JsonStrings() {}

  /**
   * Decodes a string's content into the cursor's buffer: plain bytes from {@code from}, the first escape or
   * non-ASCII byte at {@code special}. Returns the offset after the closing quote.
   */
  static int decode(JsonCursor cursor, byte[] in, int from, int special, int end) {
    char[] out = cursor.decodedBuffer(special - from + 16);
    int n = 0;
    for (int i = from; i < special; i++) {
      out[n++] = (char) in[i];
    }
    int i = special;
    while (true) {
      if (i >= end) {
        throw new JsonSyntaxException("Unexpected end-of-input in a String value", end);
      }
      if (n + 2 > out.length) {
        out = cursor.decodedBuffer(n + 2);
      }
      int c = in[i] & 0xff;
      if (c == '"') {
        cursor.decodedLength(n);
        return i + 1;
      }
      if (c == '\\') {
        out[n++] = escape(in, i + 1, end);
        i += in[i + 1] == 'u' ? 6 : 2;
      } else if (c < 0x20) {
        throw new JsonSyntaxException(
            "Illegal unquoted character ((CTRL-CHAR, code " + c + ")): has to be escaped using backslash to be"
                + " included in string value",
            i);
      } else if (c < 0x80) {
        out[n++] = (char) c;
        i++;
      } else {
        int length;
        int cp;
        int low = 0x80;
        int high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
          length = 2;
          cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
          length = 3;
          cp = c & 0x0F;
          low = c == 0xE0 ? 0xA0 : 0x80; // no overlong forms
          high = c == 0xED ? 0x9F : 0xBF; // no encoded surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
          length = 4;
          cp = c & 0x07;
          low = c == 0xF0 ? 0x90 : 0x80;
          high = c == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        } else {
          throw new JsonSyntaxException(String.format("Invalid UTF-8 start byte 0x%02x", c), i);
        }
        for (int k = 1; k < length; k++) {
          if (i + k >= end) {
            throw new JsonSyntaxException("Unexpected end-of-input in a String value", end);
          }
          int b = in[i + k] & 0xff;
          if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
            throw new JsonSyntaxException(String.format("Invalid UTF-8 middle byte 0x%02x", b), i + k);
          }
          cp = cp << 6 | (b & 0x3F);
        }
        if (cp >= 0x10000) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
        i += length;
      }
    }
  }

  /** The char of the escape whose letter is at {@code i} (just after the backslash). */
  private static char escape(byte[] in, int i, int end) {
    if (i >= end) {
      throw new JsonSyntaxException("Unexpected end-of-input in a String value", end);
    }
    int e = in[i] & 0xff;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        return (char) e;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int v = 0;
        for (int k = 1; k <= 4; k++) {
          if (i + k >= end) {
            throw new JsonSyntaxException("Unexpected end-of-input in a String value", end);
          }
          int h = in[i + k] & 0xff;
          int d = h < 0x80 ? Character.digit(h, 16) : -1;
          if (d < 0) {
            throw new JsonSyntaxException(
                "Unexpected character (" + JsonSyntaxException.describe(h)
                    + "): expected a hex-digit for character escape sequence",
                i + k);
          }
          v = v << 4 | d;
        }
        return (char) v; // a lone surrogate passes as it is, as Jackson passes it
      default:
        throw new JsonSyntaxException("Unrecognized character escape " + JsonSyntaxException.describe(e), i);
    }
  }

  /**
   * The offset of the first byte at or after {@code from} that ends a plain ASCII run: a quote, a backslash, a control
   * character or a non-ASCII byte; {@code end} (or a little before) when there is none. Eight bytes at a time.
   */
  static int plainRun(byte[] in, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long x = (long) BytesTable.LONGS.get(in, i);
      long quote = x ^ 0x2222222222222222L;
      long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
      // Per byte, the high bit marks a zero (quote or backslash), a byte below 0x20, or a byte from 0x80 up; the
      // lowest marked byte is always a true one (a borrow only marks bytes above it).
      long special =
          (((quote - 0x0101010101010101L) & ~quote)
                  | ((backslash - 0x0101010101010101L) & ~backslash)
                  | ((x - 0x2020202020202020L) & ~x)
                  | x)
              & 0x8080808080808080L;
      if (special != 0) {
        return i + (Long.numberOfTrailingZeros(special) >>> 3);
      }
    }
    return i;
  }

  /** The offset of the first {@code target} byte at or after {@code from}, or -1. Eight bytes at a time. */
  static int indexOf(byte[] in, int from, int end, byte target) {
    long pattern = (target & 0xffL) * 0x0101010101010101L;
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long x = (long) BytesTable.LONGS.get(in, i) ^ pattern;
      long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (in[i] == target) {
        return i;
      }
    }
    return -1;
  }
}
