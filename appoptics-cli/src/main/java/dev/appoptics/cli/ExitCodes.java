package dev.appoptics.cli;

/** The exit codes of {@code appoptics}; docs/cli.md lists them for scripts. */
final class ExitCodes {
  /** Everything worked. */
  static final int OK = 0;
  /** The API answered with an error, could not be reached, or something else failed. */
  static final int FAILURE = 1;
  /** The command line was wrong: unknown option, missing argument, no token. */
  static final int USAGE = 2;
  /** Some input lines were rejected (each reported with its line number); the others were submitted. */
  static final int PARTIAL_INPUT = 3;

  private ExitCodes() {}
}
