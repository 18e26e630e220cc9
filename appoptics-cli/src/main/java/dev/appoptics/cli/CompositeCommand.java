package dev.appoptics.cli;

import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.CompositeResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "composite",
    description = {
      "Evaluate a composite expression over a time range, e.g. sum(s(\"requests\", \"*\")).",
      "The expression is checked locally first; a syntax error names its position. Tag filters and grouping go"
          + " inside the expression (see docs/composites.md)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics composite 'sum(s(\"requests\", \"*\"))' --duration 1h --resolution 300",
      "  appoptics composite 'mean(s(\"cpu\", {region: \"eu*\"}))' --duration 6h --resolution 600 --plot",
      "  appoptics composite 'divide([sum(s(\"errors\", \"*\")), sum(s(\"requests\", \"*\"))])' --csv"
    })
final class CompositeCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin ApiOptions api;

  @Parameters(paramLabel = "EXPR", description = "The composite expression (quote it for the shell).")
  String expression;

  @Mixin TimeRange range;

  @ArgGroup(exclusive = true)
  SeriesFormat format = new SeriesFormat();

  @Mixin PlotOptions plot;

  CompositeCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    CompositeResult result;
    try (AppOptics connection = api.connect(cli)) {
      result = connection.getComposite(expression, range.query().build());
    }
    format.print(cli, SeriesOutput.of(result), plot);
    return ExitCodes.OK;
  }
}
