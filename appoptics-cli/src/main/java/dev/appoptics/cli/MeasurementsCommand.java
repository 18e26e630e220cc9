package dev.appoptics.cli;

import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.MeasurementResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "measurements",
    description = "Read measurements back from the API.",
    subcommands = MeasurementsCommand.Get.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics measurements get cpu.load --duration 1h --resolution 60",
      "  appoptics measurements get cpu.load --duration 30m --resolution 300 --tag region=eu* --plot"
    })
final class MeasurementsCommand extends Group {

  @Command(
      name = "get",
      description = {
        "Read one metric's series over a time range at a resolution.",
        "Prints a table (one row per point), --csv, --json, or --plot for a terminal line chart per series."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  appoptics measurements get cpu.load --duration 1h --resolution 60",
        "  appoptics measurements get cpu.load --resolution 300 --tag host=web* --csv > cpu.csv",
        "  appoptics measurements get cpu.load --duration 1d --resolution 3600 --group-by region --plot",
        "  appoptics measurements get cpu.load --start 1700000000 --end 1700003600 --resolution 60 --json"
      })
  static final class Get implements Callable<Integer> {
    private final Cli cli;

    @Mixin ApiOptions api;

    @Parameters(paramLabel = "NAME", description = "Metric name.")
    String name;

    @Mixin TimeRange range;

    @Option(names = "--tag", paramLabel = "NAME=PATTERN", description = "Keep series whose tag matches (* wildcards, ! negates); repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--group-by", paramLabel = "TAGS", description = "Combine series by these tag names (comma-separated, or *).")
    String groupBy;

    @Option(names = "--group-function", paramLabel = "F", defaultValue = "mean", description = "With --group-by: sum, min, max or mean (default: ${DEFAULT-VALUE}).")
    String groupFunction;

    @Option(names = "--summary-function", paramLabel = "F", description = "Downsampling: sum, min, max, count, mean, derivative, stddev.")
    String summaryFunction;

    @ArgGroup(exclusive = true)
    SeriesFormat format = new SeriesFormat();

    @Mixin PlotOptions plot;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      MeasurementQuery.Builder query = range.query();
      query.tags(tags);
      if (groupBy != null) {
        query.groupBy(groupBy.split(",")).groupByFunction(groupFunction);
      }
      if (summaryFunction != null) {
        query.summaryFunction(summaryFunction);
      }
      MeasurementResult result;
      try (AppOptics connection = api.connect(cli)) {
        result = connection.getMeasurements(name, query.build());
      }
      // the client follows the service's pages, so this is the whole range
      format.print(cli, SeriesOutput.of(result), plot);
      return ExitCodes.OK;
    }
  }
}
