package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A pull reader of strict JSON straight from UTF-8 bytes, made for the measurement body: the same tokens as Jackson's
 * streaming parser, without its per-token costs. Texts stay in the input until asked for; names and metric names come
 * from a shared {@link BytesTable}; numbers are converted without a String when that is exact ({@link JsonNumbers}).
 *
 * <p>Strict as Jackson's defaults: no comments, single quotes, NaN/Infinity, leading zeros or trailing commas;
 * control characters in strings and invalid UTF-8 are refused; duplicate names are passed on as they come; nesting is
 * bounded to {@link #MAX_DEPTH}; a UTF-8 byte order mark at the start is skipped. Problems throw {@link
 * JsonSyntaxException} naming the byte offset. Not thread-safe: one cursor per body.
 */
final class JsonCursor {
  static final int MAX_DEPTH = 1000;
  static final int MAX_NUMBER_LENGTH = 1000;

  /** Names and shared texts other than the {@link KnownNames}. */
  private static final BytesTable<String> NAMES = new BytesTable<>(4096, NameRules.MAX_METRIC_NAME);

  private static final int ROOT = 0;
  private static final int ROOT_DONE = 1;
  private static final int OBJECT_FIRST = 2;
  private static final int OBJECT_NEXT = 3;
  private static final int OBJECT_VALUE = 4;
  private static final int ARRAY_FIRST = 5;
  private static final int ARRAY_NEXT = 6;

  private final byte[] in;
  private final int end;
  private int pos;
  private int state = ROOT;
  private int depth;
  private boolean[] objects = new boolean[32];

  private JsonToken token;
  private String name;
  /** The current scalar's bytes in the input (string content without quotes; a number's or literal's text). */
  private int start;
  private int stop;
  /** True when the current string had escapes or non-ASCII bytes: its text is then in {@code decoded}. */
  private boolean escaped;
  private char[] decoded = new char[64];
  private int decodedLength;

  private long mantissa;
  private int exponent;
  private boolean negative;
  /** More significant digits than a long holds: only the text can give the value. */
  private boolean longNumber;

  JsonCursor(byte[] in) {
    this.in = in;
    this.end = in.length;
    if (end >= 3 && (in[0] & 0xff) == 0xEF && (in[1] & 0xff) == 0xBB && (in[2] & 0xff) == 0xBF) {
      pos = 3;
    }
  }

  /** The next token, or null at the end of the input after the root value. */
  JsonToken nextToken() {
    int c;
    switch (state) {
      case OBJECT_FIRST:
        c = skipSpace();
        return c == '}' ? close(JsonToken.END_OBJECT) : fieldName(c);
      case OBJECT_NEXT:
        c = skipSpace();
        if (c == '}') {
          return close(JsonToken.END_OBJECT);
        }
        expect(c, ',', "was expecting comma to separate Object entries");
        return fieldName(skipSpace());
      case OBJECT_VALUE:
        return value(skipSpace());
      case ARRAY_FIRST:
        c = skipSpace();
        return c == ']' ? close(JsonToken.END_ARRAY) : value(c);
      case ARRAY_NEXT:
        c = skipSpace();
        if (c == ']') {
          return close(JsonToken.END_ARRAY);
        }
        expect(c, ',', "was expecting comma to separate Array entries");
        return value(skipSpace());
      case ROOT:
        c = skipSpace();
        return c < 0 ? (token = null) : value(c);
      default:
        c = skipSpace();
        if (c < 0) {
          return token = null;
        }
        throw unexpected(c, "expected end of input after the root value");
    }
  }

  /** True when nothing but white space follows the root value. */
  boolean atEnd() {
    return skipSpace() < 0;
  }

  /** After a start token, moves to its matching end token; otherwise does nothing. */
  void skipChildren() {
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return;
    }
    int target = depth - 1;
    while (depth > target) {
      nextToken();
    }
  }

  /** The token {@link #nextToken} returned last. */
  JsonToken currentToken() {
    return token;
  }

  /** The name of the current field (also while its value is the current token). */
  String currentName() {
    return name;
  }

  /** The current token's text: a string's decoded content, a number's text as written, or the token's symbol. */
  String getText() {
    if (token == null) {
      return null;
    }
    switch (token) {
      case FIELD_NAME:
        return name;
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return escaped ? new String(decoded, 0, decodedLength) : ascii(start, stop);
      default:
        return token.asString();
    }
  }

  /** The current string's text as a canonical instance when it is plain ASCII: for texts that repeat. */
  String getSharedText() {
    if (token != JsonToken.VALUE_STRING || escaped) {
      return getText();
    }
    return shared(start, stop - start);
  }

  /** The input the cursor reads. */
  byte[] input() {
    return in;
  }

  /** The offset just after the current token (after a START_OBJECT: the byte after its brace). */
  int position() {
    return pos;
  }

  /**
   * The offset of the first {@code '}'} at or after {@link #position()}, or -1; found eight bytes at a time. For a
   * flat object with no brace in its strings, that is where it ends.
   */
  int nextCloseBrace() {
    byte[] b = in;
    int i = pos;
    for (; i + 8 <= end; i += 8) {
      long x = (long) BytesTable.LONGS.get(b, i) ^ 0x7D7D7D7D7D7D7D7DL;
      long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (b[i] == '}') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Moves past the object whose START_OBJECT is the current token to just after its closing brace at {@code close},
   * as if all its tokens had been read. Only for an object whose bytes up to there are known to be a complete valid
   * object (identical to one read before).
   */
  void skipKnownObject(int close) {
    pos = close + 1;
    depth--;
    scalar(JsonToken.END_OBJECT);
  }

  /** The length of the current scalar's text (see {@link #copyText}). */
  int textLength() {
    return escaped ? decodedLength : stop - start;
  }

  /** Copies the current scalar's text (string content, number or literal as written) into {@code to} at {@code at}. */
  void copyText(char[] to, int at) {
    if (escaped) {
      System.arraycopy(decoded, 0, to, at, decodedLength);
      return;
    }
    for (int i = start; i < stop; i++) {
      to[at++] = (char) in[i];
    }
  }

  /** The current number as a double, exactly as {@link Double#parseDouble} would give it (integers via long). */
  double getDoubleValue() {
    if (!longNumber) {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return (double) (negative ? -mantissa : mantissa); // "-0" is the integer 0, as Jackson has it
      }
      double d = JsonNumbers.fastDouble(mantissa, exponent, negative);
      if (!Double.isNaN(d)) {
        return d;
      }
    }
    return Double.parseDouble(ascii(start, stop));
  }

  /** The current number as Jackson's untyped reading gives it: Integer, Long or BigInteger by size, else Double. */
  Number getNumberValue() {
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return getDoubleValue();
    }
    if (!longNumber) {
      long v = negative ? -mantissa : mantissa;
      return v == (int) v ? (Number) (int) v : (Number) v;
    }
    BigInteger big = new BigInteger(ascii(start, stop));
    return big.bitLength() < 64 ? (Number) big.longValue() : big;
  }

  private JsonToken fieldName(int c) {
    if (c != '"') {
      throw unexpected(c, "was expecting double-quote to start field name");
    }
    pos++;
    string();
    if (escaped) {
      name = new String(decoded, 0, decodedLength);
    } else {
      String known = KnownNames.match(in, start, stop - start);
      name = known != null ? known : shared(start, stop - start);
    }
    expect(skipSpace(), ':', "was expecting a colon to separate field name and value");
    state = OBJECT_VALUE;
    return token = JsonToken.FIELD_NAME;
  }

  private JsonToken value(int c) {
    switch (c) {
      case '{':
        open(true);
        state = OBJECT_FIRST;
        return token = JsonToken.START_OBJECT;
      case '[':
        open(false);
        state = ARRAY_FIRST;
        return token = JsonToken.START_ARRAY;
      case '"':
        pos++;
        string();
        return scalar(JsonToken.VALUE_STRING);
      case 't':
        return literal("true", JsonToken.VALUE_TRUE);
      case 'f':
        return literal("false", JsonToken.VALUE_FALSE);
      case 'n':
        return literal("null", JsonToken.VALUE_NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return scalar(number());
        }
        if (c == ']' || c == '}' || c == ',' || c == ':' || c < 0) {
          throw unexpected(c, "expected a value");
        }
        throw unrecognized(pos);
    }
  }

  /** Sets the state that follows a complete value at the current depth. */
  private JsonToken scalar(JsonToken t) {
    state = depth == 0 ? ROOT_DONE : objects[depth - 1] ? OBJECT_NEXT : ARRAY_NEXT;
    return token = t;
  }

  private void open(boolean object) {
    if (depth == MAX_DEPTH) {
      throw new JsonSyntaxException(
          "Document nesting depth (" + (depth + 1) + ") exceeds the maximum allowed (" + MAX_DEPTH + ")", pos);
    }
    if (depth == objects.length) {
      objects = java.util.Arrays.copyOf(objects, depth * 2);
    }
    objects[depth++] = object;
    pos++;
  }

  private JsonToken close(JsonToken t) {
    pos++;
    depth--;
    return scalar(t);
  }

  private JsonToken literal(String word, JsonToken t) {
    int n = word.length();
    int i = 0;
    while (i < n && pos + i < end && in[pos + i] == word.charAt(i)) {
      i++;
    }
    if (i < n || (pos + n < end && isWordByte(in[pos + n]))) {
      throw unrecognized(pos);
    }
    start = pos;
    stop = pos + n;
    escaped = false;
    pos += n;
    return scalar(t);
  }

  /**
   * Reads a string whose opening quote was consumed. The common plain ASCII case only finds the closing quote,
   * eight bytes at a time: a word without a quote, backslash, control or non-ASCII byte is passed whole.
   */
  private void string() {
    byte[] b = in;
    int i = pos;
    while (i + 8 <= end) {
      long x = (long) BytesTable.LONGS.get(b, i);
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
        i += Long.numberOfTrailingZeros(special) >>> 3;
        break;
      }
      i += 8;
    }
    for (; i < end; i++) {
      int c = b[i];
      if (c == '"') {
        start = pos;
        stop = i;
        escaped = false;
        pos = i + 1;
        return;
      }
      if (c < 0x20 || c == '\\') { // control character, escape, or (negative) a byte of a multi-byte character
        pos = JsonStrings.decode(this, b, pos, i, end);
        escaped = true;
        return;
      }
    }
    throw new JsonSyntaxException("Unexpected end-of-input in a String value", end);
  }

  /** The buffer for decoded text, with room for at least {@code capacity} chars and its content kept. */
  char[] decodedBuffer(int capacity) {
    if (capacity > decoded.length) {
      decoded = java.util.Arrays.copyOf(decoded, Math.max(capacity, decoded.length * 2));
    }
    return decoded;
  }

  void decodedLength(int length) {
    decodedLength = length;
  }

  private JsonToken number() {
    int s = pos;
    int i = pos;
    boolean minus = in[i] == '-';
    if (minus) {
      i++;
      if (i >= end || !isDigit(in[i])) {
        throw unexpectedAt(i, "in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value");
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
        throw unexpectedAt(i, "in numeric value: Decimal point not followed by a digit");
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
        throw unexpectedAt(i, "in numeric value: Exponent indicator not followed by a digit");
      }
      exp += minusExp ? -e : e;
    }
    if (i - s > MAX_NUMBER_LENGTH) {
      throw new JsonSyntaxException(
          "Number value length (" + (i - s) + ") exceeds the maximum allowed (" + MAX_NUMBER_LENGTH + ")", s);
    }
    start = s;
    stop = i;
    pos = i;
    escaped = false;
    mantissa = m;
    exponent = exp;
    negative = minus;
    longNumber = tooLong;
    return fraction || exponentPart ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
  }

  private int skipSpace() {
    while (pos < end) {
      int c = in[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c & 0xff;
      }
      pos++;
    }
    return -1;
  }

  private void expect(int c, char wanted, String message) {
    if (c != wanted) {
      throw unexpected(c, message);
    }
    pos++;
  }

  private JsonSyntaxException unexpected(int c, String message) {
    if (c < 0) {
      String where = depth == 0 ? "" : objects[depth - 1] ? " within/between Object entries" : " within/between Array entries";
      return new JsonSyntaxException("Unexpected end-of-input" + where, end);
    }
    return new JsonSyntaxException("Unexpected character (" + describe(c) + "): " + message, pos);
  }

  private JsonSyntaxException unexpectedAt(int i, String message) {
    if (i >= end) {
      return new JsonSyntaxException("Unexpected end-of-input " + message, end);
    }
    return new JsonSyntaxException("Unexpected character (" + describe(in[i] & 0xff) + ") " + message, i);
  }

  private JsonSyntaxException unrecognized(int from) {
    int i = from;
    while (i < end && i - from < 64 && (isWordByte(in[i]) || in[i] < 0)) {
      i++;
    }
    String word = i > from ? new String(in, from, i - from, StandardCharsets.UTF_8) : describe(in[from] & 0xff);
    return new JsonSyntaxException(
        "Unrecognized token '" + word + "': was expecting (JSON String, Number, Array, Object or token 'null', 'true'"
            + " or 'false')",
        from);
  }

  static String describe(int c) {
    return c >= 0x20 && c < 0x7f ? "'" + (char) c + "' (code " + c + ")" : String.format("byte 0x%02x", c);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isWordByte(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || isDigit(b) || b == '_' || b == '+' || b == '-'
        || b == '.';
  }

  /** The canonical String of these ASCII bytes. */
  private String shared(int from, int length) {
    String s = NAMES.get(in, from, length);
    if (s == null) {
      s = ascii(from, from + length);
      NAMES.put(in, from, length, s);
    }
    return s;
  }

  private String ascii(int from, int to) {
    return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
