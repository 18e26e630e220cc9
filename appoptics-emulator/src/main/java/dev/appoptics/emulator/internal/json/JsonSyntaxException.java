package dev.appoptics.emulator.internal.json;

import java.nio.charset.StandardCharsets;

/** A request body that is not strict JSON; the message says what was wrong and at which byte. */
public final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonSyntaxException(String problem, int offset) {
    // No stack trace: this answers bad input, and garbage bodies should not cost a stack walk each.
    super(problem + " (at byte " + offset + ")", null, false, false);
  }

  /** An unexpected byte (or the end of the input) at {@code i}, inside a token. */
  static JsonSyntaxException at(byte[] in, int end, int i, String message) {
    if (i >= end) {
      return new JsonSyntaxException("Unexpected end-of-input " + message, end);
    }
    return new JsonSyntaxException("Unexpected character (" + describe(in[i] & 0xff) + ") " + message, i);
  }

  /** A byte for a message: the character and its code when printable ASCII, else its value. */
  public static String describe(int c) {
    return c >= 0x20 && c < 0x7f ? "'" + (char) c + "' (code " + c + ")" : String.format("byte 0x%02x", c);
  }

  /** A word that is no JSON value (NaN, Infinity, a misspelled literal...) or a stray byte, at {@code from}. */
  static JsonSyntaxException unrecognized(byte[] in, int end, int from) {
    int i = from;
    while (i < end && i - from < 64 && (isWordByte(in[i]) || in[i] < 0)) {
      i++;
    }
    if (i == from) {
      return new JsonSyntaxException(
          "Unexpected character (" + describe(in[from] & 0xff) + "): expected a valid value (JSON String, Number,"
              + " Array, Object or token 'null', 'true' or 'false')",
          from);
    }
    return new JsonSyntaxException(
        "Unrecognized token '" + new String(in, from, i - from, StandardCharsets.UTF_8) + "': was expecting (JSON"
            + " String, Number, Array, Object or token 'null', 'true' or 'false')",
        from);
  }

  /** A byte that continues a bare word, for reporting the whole word. */
  static boolean isWordByte(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '+'
        || b == '-' || b == '.';
  }
}
