package dev.appoptics.cli;

/**
 * A failure the user can act on: printed as one line ({@code error: <message>}) followed, when there is one, by what
 * to do about it, and turned into the given exit code.
 */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String hint;

  CliFailure(int exitCode, String message, String hint) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint == null ? "" : hint;
  }

  CliFailure(int exitCode, String message, String hint, Throwable cause) {
    this(exitCode, message, hint);
    initCause(cause);
  }

  static CliFailure usage(String message, String hint) {
    return new CliFailure(ExitCodes.USAGE, message, hint);
  }

  int exitCode() {
    return exitCode;
  }

  /** What the user can do about it, or "" when there is nothing useful to say. */
  String hint() {
    return hint;
  }
}
