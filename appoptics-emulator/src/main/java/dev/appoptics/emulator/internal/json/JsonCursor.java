package dev.appoptics.emulator.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.appoptics.emulator.internal.measure.NameRules;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
public final class JsonCursor {
  static final int MAX_DEPTH = 1000;

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

  private final JsonNumbers number = new JsonNumbers();

  public JsonCursor(byte[] in) {
    this.in = in;
    this.end = in.length;
    if (end >= 3 && (in[0] & 0xff) == 0xEF && (in[1] & 0xff) == 0xBB && (in[2] & 0xff) == 0xBF) {
      pos = 3;
    }
  }

  /** The next token, or null at the end of the input (after a root value, only white space is left). */
  public JsonToken nextToken() {
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
      default: // ROOT, or another root value after it, as Jackson reads a sequence of them; the reader decides
        c = skipSpace();
        return c < 0 ? (token = null) : value(c);
    }
  }

  /** After a start token, moves to its matching end token; otherwise does nothing. */
  public void skipChildren() {
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return;
    }
    int target = depth - 1;
    while (depth > target) {
      nextToken();
    }
  }

  /** The token {@link #nextToken} returned last. */
  public JsonToken currentToken() {
    return token;
  }

  /** The name of the current field (also while its value is the current token). */
  public String currentName() {
    return name;
  }

  /** The current token's text: a string's decoded content, a number's text as written, or the token's symbol. */
  public String getText() {
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
  public String getSharedText() {
    if (token != JsonToken.VALUE_STRING || escaped) {
      return getText();
    }
    return shared(start, stop - start);
  }

  /** The input the cursor reads. */
  public byte[] input() {
    return in;
  }

  /** The offset just after the current token (after a START_OBJECT: the byte after its brace). */
  public int position() {
    return pos;
  }

  /**
   * The offset of the first {@code '}'} at or after {@link #position()}, or -1; found eight bytes at a time. For a
   * flat object with no brace in its strings, that is where it ends.
   */
  public int nextCloseBrace() {
    return JsonStrings.indexOf(in, pos, end, (byte) '}');
  }

  /**
   * Moves past the object whose START_OBJECT is the current token to just after its closing brace at {@code close},
   * as if all its tokens had been read. Only for an object whose bytes up to there are known to be a complete valid
   * object (identical to one read before).
   */
  public void skipKnownObject(int close) {
    pos = close + 1;
    depth--;
    scalar(JsonToken.END_OBJECT);
  }

  /** The length of the current scalar's text (see {@link #copyText}). */
  public int textLength() {
    return escaped ? decodedLength : stop - start;
  }

  /** Copies the current scalar's text (string content, number or literal as written) into {@code to} at {@code at}. */
  public void copyText(char[] to, int at) {
    if (escaped) {
      System.arraycopy(decoded, 0, to, at, decodedLength);
      return;
    }
    for (int i = start; i < stop; i++) {
      to[at++] = (char) in[i];
    }
  }

  /** The current number as a double, exactly as {@link Double#parseDouble} would give it (integers via long). */
  public double getDoubleValue() {
    return number.doubleValue(in, start, stop);
  }

  /** The current number as Jackson's untyped reading gives it: Integer, Long or BigInteger by size, else Double. */
  public Number getNumberValue() {
    return number.numberValue(in, start, stop);
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
        throw JsonSyntaxException.unrecognized(in, end, pos);
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
      objects = Arrays.copyOf(objects, depth * 2);
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
    if (i < n || (pos + n < end && JsonSyntaxException.isWordByte(in[pos + n]))) {
      throw JsonSyntaxException.unrecognized(in, end, pos);
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
    int i = JsonStrings.plainRun(b, pos, end);
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
      decoded = Arrays.copyOf(decoded, Math.max(capacity, decoded.length * 2));
    }
    return decoded;
  }

  void decodedLength(int length) {
    decodedLength = length;
  }

  private JsonToken number() {
    int s = pos;
    pos = number.scan(in, pos, end);
    if (depth == 0 && pos < end && in[pos] != ' ' && in[pos] != '\n' && in[pos] != '\r' && in[pos] != '\t') {
      throw unexpected(in[pos] & 0xff, "Expected space separating root-level values"); // as Jackson says
    }
    start = s;
    stop = pos;
    escaped = false;
    return number.isFloat() ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
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
      String where =
          depth == 0 ? "" : objects[depth - 1] ? " within/between Object entries" : " within/between Array entries";
      return new JsonSyntaxException("Unexpected end-of-input" + where, end);
    }
    return new JsonSyntaxException("Unexpected character (" + JsonSyntaxException.describe(c) + "): " + message, pos);
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
