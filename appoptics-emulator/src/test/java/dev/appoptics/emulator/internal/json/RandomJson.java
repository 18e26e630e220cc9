package dev.appoptics.emulator.internal.json;

import java.util.Random;

/** Random valid JSON texts for comparing the cursor with Jackson. */
final class RandomJson {
  private static final String[] SPACE = {"", "", " ", "\n", "\t ", "\r\n"};
  private static final String[] CHARS = {
    "a", "Z", "0", " ", ".", "-", "é", "€", "😀", "中", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
    "\\u0041", "\\u00fc", "\\uD83D\\uDE00", "\\u0000"
  };

  private RandomJson() {}

  /** Appends a random value nested at most a few levels. */
  static void value(Random r, StringBuilder b, int depth) {
    int kind = depth >= 4 ? 2 + r.nextInt(4) : r.nextInt(6);
    b.append(SPACE[r.nextInt(SPACE.length)]);
    switch (kind) {
      case 0:
        b.append('{');
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          b.append(i > 0 ? "," : "");
          string(r, b);
          b.append(SPACE[r.nextInt(SPACE.length)]).append(':');
          value(r, b, depth + 1);
        }
        b.append(SPACE[r.nextInt(SPACE.length)]).append('}');
        break;
      case 1:
        b.append('[');
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          b.append(i > 0 ? "," : "");
          value(r, b, depth + 1);
        }
        b.append(']');
        break;
      case 2:
        string(r, b);
        break;
      case 3:
        b.append(new String[] {"true", "false", "null"}[r.nextInt(3)]);
        break;
      default:
        b.append(number(r));
    }
    b.append(SPACE[r.nextInt(SPACE.length)]);
  }

  static void string(Random r, StringBuilder b) {
    b.append('"');
    for (int i = 0, n = r.nextInt(8); i < n; i++) {
      b.append(CHARS[r.nextInt(CHARS.length)]);
    }
    b.append('"');
  }

  /** A random JSON number: integers and decimals of every length, with and without exponents. */
  static String number(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextBoolean()) {
      b.append('-');
    }
    int intDigits = r.nextInt(4) == 0 ? 1 + r.nextInt(25) : 1 + r.nextInt(6);
    b.append(r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(9));
    if (b.charAt(b.length() - 1) != '0') {
      for (int i = 1; i < intDigits; i++) {
        b.append(r.nextInt(10));
      }
    }
    if (r.nextBoolean()) {
      b.append('.');
      for (int i = 0, n = 1 + (r.nextInt(4) == 0 ? r.nextInt(25) : r.nextInt(6)); i < n; i++) {
        b.append(r.nextInt(10));
      }
    }
    if (r.nextInt(3) == 0) {
      b.append(r.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[r.nextInt(3)]);
      b.append(r.nextInt(4) == 0 ? r.nextInt(400) : r.nextInt(30));
    }
    return b.toString();
  }
}
