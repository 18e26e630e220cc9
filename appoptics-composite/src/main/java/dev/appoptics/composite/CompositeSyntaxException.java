package dev.appoptics.composite;

/**
 * A composite expression that cannot be parsed. It names the 0-based character offset where parsing stopped, the
 * line and column there (both 1-based), what the parser expected and what it found. The message ends with the
 * offending line and a caret under the position:
 *
 * <pre>
 * expected ')' or ',' but found '{' at line 1, column 12 (offset 11)
 *   mean(s("a" {
 *              ^
 * </pre>
 *
 * <p>On a long line the excerpt shows only the 60 characters before the position and 40 after it, marked with
 * {@code …} where it is cut.
 */
public final class CompositeSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int EXCERPT_BEFORE = 60;
  private static final int EXCERPT_AFTER = 40;

  private final String expression;
  private final int position;
  private final String expected;
  private final String found;

  CompositeSyntaxException(String expression, int position, String expected, String found) {
    super(message(expression, position, expected, found));
    this.expression = expression;
    this.position = position;
    this.expected = expected;
    this.found = found;
  }

  /** The text that failed to parse. */
  public String expression() {
    return expression;
  }

  /** 0-based character offset of the problem. */
  public int position() {
    return position;
  }

  /** 1-based line of the problem. */
  public int line() {
    return lineOf(expression, position);
  }

  /** 1-based column of the problem within its line. */
  public int column() {
    return position - lineStart(expression, position) + 1;
  }

  /** What the parser expected at {@link #position()}, e.g. {@code "')' or ','"}. */
  public String expected() {
    return expected;
  }

  /** What the parser found instead, e.g. {@code "end of input"} or {@code "'{'"}. */
  public String found() {
    return found;
  }

  /** The first line of the message, without the caret excerpt. */
  public String summary() {
    return summary(expression, position, expected, found);
  }

  private static String summary(String text, int position, String expected, String found) {
    return "expected " + expected + " but found " + found + " at line " + lineOf(text, position) + ", column "
        + (position - lineStart(text, position) + 1) + " (offset " + position + ")";
  }

  private static String message(String text, int position, String expected, String found) {
    int start = lineStart(text, position);
    int end = text.indexOf('\n', position);
    end = end < 0 ? text.length() : end;
    // A very long line (a generated expression) is shown around the position only, so the message stays readable.
    String before = "";
    String after = "";
    if (position - start > EXCERPT_BEFORE) {
      start = position - EXCERPT_BEFORE;
      before = "…";
    }
    if (end - position > EXCERPT_AFTER) {
      end = position + EXCERPT_AFTER;
      after = "…";
    }
    return summary(text, position, expected, found) + "\n  " + before + text.substring(start, end) + after + "\n  "
        + " ".repeat(before.length() + position - start) + "^";
  }

  private static int lineStart(String text, int position) {
    return text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  }

  private static int lineOf(String text, int position) {
    int line = 1;
    for (int i = 0; i < position && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
