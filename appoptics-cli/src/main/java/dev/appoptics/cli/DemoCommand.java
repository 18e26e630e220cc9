package dev.appoptics.cli;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.ServiceSeed;
import dev.appoptics.metrics.AppOptics;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    description = {
      "Tour the library against an embedded emulator (no token or network needed).",
      "Starts the emulator, connects a client, submits a few hundred tagged measurements through a queue, reads"
          + " them back at two resolutions, evaluates a composite, builds a space with a chart, creates an alert"
          + " with conditions, posts an annotation and draws a terminal chart. Takes a few seconds; exits non-zero"
          + " if any step fails."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  appoptics demo",
      "  appoptics demo --port 8080 --keep-running   # then open the console it prints, or try other commands"})
final class DemoCommand implements Callable<Integer> {
  static final String TOKEN = "demo-token";

  private final Cli cli;

  @Option(names = "--port", defaultValue = "0", description = "Port of the embedded emulator; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--keep-running",
      description = "Keep the emulator running after the tour, until Ctrl-C, and print the web console's address.")
  boolean keepRunning;

  DemoCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    DemoPrinter printer = new DemoPrinter(cli.out(), DemoSteps.COUNT, cli.json());
    printer.title("AppOptics for Java: a tour against the local emulator");
    printer.step("Start the emulator");
    AppOpticsEmulator emulator;
    long spaceId;
    try {
      emulator =
          AppOpticsEmulator.builder()
              .port(port)
              .tokens(TOKEN)
              .service(new ServiceSeed("mail", "Ops on-call", Map.of("addresses", "ops@example.com")))
              .start();
    } catch (RuntimeException e) {
      throw new CliFailure(ExitCodes.FAILURE, "the emulator did not start: " + e.getMessage(), "try another --port", e);
    }
    try (emulator) {
      printer.show("listening on " + emulator.baseUri());
      printer.step("Connect a client");
      try (AppOptics client =
          AppOptics.builder().token(TOKEN).baseUri(emulator.baseUri()).tag("app", "demo").build()) {
        printer.show(
            "AppOptics client = AppOptics.builder()\n"
                + "    .token(\"" + TOKEN + "\").baseUri(\"" + emulator.baseUri() + "\")\n"
                + "    .tag(\"app\", \"demo\").build();   // connection tag inherited by every measurement");
        DemoSteps steps = new DemoSteps(client, emulator, printer, System.currentTimeMillis() / 1000);
        steps.run();
        spaceId = steps.spaceId();
      }
      printer.finish(
          "Done: every step worked. Run 'appoptics --help' to try the commands against a server,",
          "or 'appoptics demo --keep-running' to browse this data in the web console and point them at the"
              + " emulator with --endpoint.");
      if (keepRunning) {
        cli.err().println("emulator still listening on " + emulator.baseUri() + " (token " + TOKEN + "); Ctrl-C stops it");
        cli.err().println("console at " + emulator.consoleUri() + "#/spaces/" + spaceId + " (type the token " + TOKEN
            + " when asked)");
        cli.err().flush();
        waitUntilStopped();
      }
      cli.out().flush();
    }
    return ExitCodes.OK;
  }

  /** Blocks until Ctrl-C ends the process, or until the thread is interrupted (tests, embedding). */
  private static void waitUntilStopped() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
