package dev.appoptics.emulator.internal.measure;

/** A request body that is not strict JSON; the message says what was wrong and at which byte. */
final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JsonSyntaxException(String problem, int offset) {
    // No stack trace: this answers bad input, and garbage bodies should not cost a stack walk each.
    super(problem + " (at byte " + offset + ")", null, false, false);
  }
}
