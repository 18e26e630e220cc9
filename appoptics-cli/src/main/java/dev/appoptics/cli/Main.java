package dev.appoptics.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of the {@code appoptics} command (see {@code docs/cli.md}). Run {@code appoptics --help} for the list
 * of commands, or {@code appoptics demo} for a tour of the library against a local emulator.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, System.in, System.getenv()));
  }

  /** Runs one command line with the given streams and environment and returns its exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    try {
      return commandLine(new Cli(out, err, in, env)).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The configured command tree for one run: output streams, error handling and exit codes set up. */
  static CommandLine commandLine(Cli cli) {
    CommandLine commandLine = new CommandLine(AppOpticsCommand.class, new CliFactory(cli));
    ErrorHandler errors = new ErrorHandler(cli);
    commandLine.setOut(cli.out());
    commandLine.setErr(cli.err());
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpWidth(100);
    commandLine.setUsageHelpAutoWidth(true);
    return commandLine;
  }
}
