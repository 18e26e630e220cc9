package dev.appoptics.cli;

import dev.appoptics.metrics.AppOpticsException;
import java.io.UncheckedIOException;
import java.net.ConnectException;

/** How one failure is reported: a message, what to do about it, and an exit code. */
record Failure(String message, String hint, int exitCode) {

  /** Describes any exception a command threw, most specific first. */
  static Failure of(Throwable ex) {
    if (ex instanceof CliFailure failure) {
      return new Failure(failure.getMessage(), failure.hint(), failure.exitCode());
    }
    if (ex instanceof AppOpticsException api) {
      return ApiFailures.describe(api);
    }
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return new Failure(
            "cannot connect: " + text(cause), "check --endpoint and that the server is running", ExitCodes.FAILURE);
      }
    }
    if (ex instanceof UncheckedIOException || ex instanceof java.io.IOException) {
      return new Failure("I/O failed: " + text(ex), "", ExitCodes.FAILURE);
    }
    return new Failure(
        ex.getClass().getSimpleName() + ": " + text(ex), "run with --verbose for the stack trace", ExitCodes.FAILURE);
  }

  private static String text(Throwable ex) {
    String message = ex.getMessage();
    return message == null ? ex.getClass().getSimpleName() : message.replace('\n', ' ');
  }
}
