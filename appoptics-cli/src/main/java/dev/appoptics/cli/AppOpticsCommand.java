package dev.appoptics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "appoptics",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = {
      "Work with the AppOptics Metrics API: submit and read measurements, manage metrics, spaces, charts, alerts,"
          + " annotations and API tokens, take chart snapshots, run a local emulator of the API, or take the tour"
          + " with 'appoptics demo'.",
      "",
      "API commands take the token from --token or the APPOPTICS_TOKEN environment variable and talk to --endpoint"
          + " (default https://api.appoptics.com/v1/)."
    },
    subcommands = {
      DemoCommand.class,
      EmulatorCommand.class,
      ServerCommand.class,
      ExportCommand.class,
      SubmitCommand.class,
      MeasurementsCommand.class,
      MetricsCommand.class,
      CompositeCommand.class,
      AnnotationsCommand.class,
      SpacesCommand.class,
      ChartsCommand.class,
      AlertsCommand.class,
      ServicesCommand.class,
      TokensCommand.class,
      SnapshotCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics demo",
      "  appoptics emulator --port 8080 --token secret",
      "  appoptics server --tokens-file /etc/appoptics/tokens",
      "  export APPOPTICS_TOKEN=secret",
      "  appoptics submit cpu.load 0.75 --tag host=web1 --endpoint http://localhost:8080/v1/",
      "  appoptics measurements get cpu.load --duration 1h --resolution 60 --plot",
      "",
      "Exit codes: 0 ok, 1 API or connection failure, 2 bad command line, 3 some input lines rejected."
    })
final class AppOpticsCommand implements Runnable {
  private final Cli cli;

  @Spec CommandSpec spec;

  AppOpticsCommand(Cli cli) {
    this.cli = cli;
  }

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  void verbose(boolean verbose) {
    cli.verbose(verbose);
  }

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print results as JSON, for scripts.")
  void json(boolean json) {
    cli.json(json);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
