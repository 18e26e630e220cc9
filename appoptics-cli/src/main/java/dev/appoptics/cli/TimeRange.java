package dev.appoptics.cli;

import dev.appoptics.cli.internal.Durations;
import dev.appoptics.metrics.MeasurementQuery;
import picocli.CommandLine.Option;

/** The time range and resolution options of commands that read series. */
final class TimeRange {
  @Option(names = "--duration", paramLabel = "DURATION", description = "How far back from --end (90, 30m, 1h, 2d); default 1h unless --start is given.")
  String duration;

  @Option(names = "--start", paramLabel = "EPOCH", description = "Start of the range, epoch seconds.")
  Long start;

  @Option(names = "--end", paramLabel = "EPOCH", description = "End of the range, epoch seconds (default: now).")
  Long end;

  @Option(names = "--resolution", paramLabel = "SECONDS", defaultValue = "60", description = "Seconds per point (default: ${DEFAULT-VALUE}).")
  int resolution;

  MeasurementQuery.Builder query() {
    MeasurementQuery.Builder query = MeasurementQuery.builder().resolution(resolution);
    if (start != null) {
      query.startTime(start);
    }
    if (end != null) {
      query.endTime(end);
    }
    if (duration != null || start == null) {
      try {
        query.duration(Durations.seconds(duration == null ? "1h" : duration));
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("--duration " + e.getMessage(), "");
      }
    }
    return query;
  }
}
