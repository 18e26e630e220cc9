package dev.appoptics.cli.internal;

/** A line of measurement input that cannot be read; the message names the line number and what is wrong. */
public final class InputLineException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int lineNumber;
  private final String reason;

  public InputLineException(int lineNumber, String reason) {
    super("line " + lineNumber + ": " + reason);
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  public int lineNumber() {
    return lineNumber;
  }

  /** What is wrong, without the line number. */
  public String reason() {
    return reason;
  }
}
