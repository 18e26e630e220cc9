package dev.appoptics.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error ({@code error: what happened; what to do}) and an exit code;
 * the stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final Cli cli;

  ErrorHandler(Cli cli) {
    this.cli = cli;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String help = "run '" + command.getCommandSpec().qualifiedName() + " --help' for usage";
    PrintWriter err = cli.err();
    err.println("error: " + ex.getMessage() + "; " + help);
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      unmatched.getSuggestions().stream().limit(3).forEach(s -> err.println("  did you mean: " + s));
    }
    if (cli.verbose()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    Failure failure = Failure.of(ex);
    PrintWriter err = cli.err();
    String hint = failure.hint().isEmpty() ? "" : "; " + failure.hint();
    err.println("error: " + failure.message() + hint);
    if (cli.verbose()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }
}
