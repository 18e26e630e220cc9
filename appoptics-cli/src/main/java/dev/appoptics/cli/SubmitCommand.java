package dev.appoptics.cli;

import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Numbers;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Measurement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "submit",
    description = {
      "Submit one measurement, or many read from standard input when NAME is '-'.",
      "",
      "Standard input holds one measurement a line, either 'NAME VALUE [TAG=VALUE ...] [@EPOCH]' or a JSON object"
          + " such as {\"name\":\"cpu\",\"value\":0.5,\"tags\":{\"host\":\"a\"},\"time\":1700000000}. Blank lines and"
          + " lines starting with # are skipped. They are sent in batches through a queue; a line that cannot be read"
          + " is reported with its number and the others are still submitted (exit code 3)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics submit cpu.load 0.75 --tag host=web1 --tag region=eu",
      "  printf 'cpu.load 0.5 host=a\\ncpu.load 0.7 host=b\\n' | appoptics submit -",
      "  appoptics submit - --tag region=eu < measurements.txt   # fills in tags a line lacks"
    })
final class SubmitCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin ApiOptions api;

  @Parameters(index = "0", paramLabel = "NAME", description = "Metric name, or '-' to read measurements from stdin.")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "The value (not with '-').")
  Double value;

  @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "A tag (repeatable); with '-' it applies to every line.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--time", paramLabel = "EPOCH", description = "Measurement time in epoch seconds (default: now).")
  Long time;

  @Option(names = "--period", paramLabel = "SECONDS", description = "Reporting period in seconds.")
  Integer period;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "300", description = "With '-': measurements per request (default: ${DEFAULT-VALUE}).")
  int batch;

  SubmitCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    boolean stdin = name.equals("-");
    if (stdin && value != null) {
      throw CliFailure.usage("a VALUE cannot be given with '-'", "put values on standard input instead");
    }
    if (!stdin && value == null) {
      throw CliFailure.usage("missing VALUE for metric '" + name + "'", "use 'appoptics submit NAME VALUE'");
    }
    try (AppOptics connection = api.connect(cli)) {
      if (stdin) {
        return new StdinSubmission(cli, connection, tags, batch).run();
      }
      Measurement.Builder measurement = Measurement.builder(name).value(value).tags(tags);
      if (time != null) {
        measurement.time(time);
      }
      if (period != null) {
        measurement.period(period);
      }
      connection.submit(measurement.build());
      if (cli.json()) {
        cli.out().print(Json.pretty(Json.object().put("submitted", 1)));
      } else {
        cli.out().println("submitted " + name + " " + Numbers.format(value) + " " + Tagging.text(tags));
      }
      return ExitCodes.OK;
    }
  }
}
