package dev.appoptics.cli;

import dev.appoptics.cli.internal.Json;
import dev.appoptics.emulator.internal.forward.HistoryExport;
import dev.appoptics.emulator.internal.forward.MetricDescriptions;
import dev.appoptics.emulator.internal.forward.MetricInfo;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.BadRequestException;
import dev.appoptics.metrics.ListOptions;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.MeasurementResult;
import dev.appoptics.metrics.Metric;
import dev.appoptics.metrics.Point;
import dev.appoptics.metrics.Series;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    description = {
      "Replay a server's stored history to a Prometheus remote-write receiver, through the API.",
      "Each day of each metric is read at the finest roll-up the server still holds for it (1 s, then 60 s, 900 s,"
          + " 3600 s) and written as samples at that resolution, with the names and labels live forwarding uses."
          + " Prometheus needs storage.tsdb.out_of_order_time_window to cover the history; VictoriaMetrics takes any order."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics export --to-prometheus http://127.0.0.1:9090/api/v1/write --endpoint http://127.0.0.1:8080/v1/",
      "  appoptics export --to-prometheus http://vm:8428/api/v1/write --from 2026-01-01 --to 2026-02-01 --name cpu"
    })
final class ExportCommand implements Callable<Integer> {
  /** The roll-up tiers, finest first, as the server keeps them. */
  static final List<Integer> RESOLUTIONS = List.of(1, 60, 900, 3600);
  /** The longest retention AppOptics had (1-hour roll-ups): the default start of the range. */
  static final Duration LONGEST_RETENTION = Duration.ofDays(558);
  private static final long DAY = 86_400;

  private final Cli cli;

  @Mixin ApiOptions api;

  @Option(names = "--to-prometheus", paramLabel = "URL", required = true, description = "Remote-write URL, e.g. http://127.0.0.1:9090/api/v1/write.")
  URI target;

  @Option(names = "--from", paramLabel = "TIME", description = "Start: epoch seconds, 2026-01-31 or 2026-01-31T12:00:00Z (default: 558 days before --to).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "End, same forms (default: now).")
  String to;

  @Option(names = "--name", paramLabel = "TEXT", description = "Only metrics whose name contains TEXT.")
  String name;

  @Option(names = "--header", paramLabel = "NAME=VALUE", description = "Send this header to the receiver (repeatable).")
  Map<String, String> headers = new LinkedHashMap<>();

  ExportCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    long end = to == null ? Instant.now().getEpochSecond() : time("--to", to);
    long start = from == null ? end - LONGEST_RETENTION.toSeconds() : time("--from", from);
    if (start >= end) {
      throw CliFailure.usage("--from must be before --to", "");
    }
    PrintWriter out = cli.out();
    try (AppOptics source = api.connect(cli)) {
      List<Metric> metrics;
      try (Stream<Metric> all = name == null ? source.listAllMetrics() : source.listAllMetrics(ListOptions.named(name))) {
        metrics = all.filter(m -> !"composite".equals(m.type())).collect(Collectors.toList());
      }
      Map<String, MetricInfo> infos = new LinkedHashMap<>();
      for (Metric m : metrics) {
        infos.put(m.name(), new MetricInfo(m.name(), m.description().or(m::displayName),
            m.attributes().displayUnitsShort()));
      }
      MetricDescriptions descriptions = n -> Optional.ofNullable(infos.get(n));
      long buckets = 0;
      HistoryExport export;
      try {
        export = new HistoryExport(target, headers, descriptions, Duration.ofMinutes(2));
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("--to-prometheus: " + e.getMessage(), "");
      }
      try (export) {
        for (long day = start; day < end; day += DAY) {
          long dayEnd = Math.min(end, day + DAY) - 1;
          for (Metric m : metrics) {
            buckets += exportDay(source, export, m.name(), day, dayEnd);
          }
        }
      } catch (IllegalStateException e) {
        throw new CliFailure(ExitCodes.FAILURE, e.getMessage(), "check the receiver, then run the export again", e);
      }
      if (cli.json()) {
        out.print(Json.pretty(Json.object().put("metrics", metrics.size()).put("buckets", buckets)
            .put("accepted", export.sentSamples()).put("refused", export.refusedSamples())
            .put("retried", export.retriedRequests()).put("receiver", target.toString())));
      } else {
        out.printf("exported %d metrics, %d buckets: %d samples accepted, %d refused, %d requests retried (%s)%n",
            metrics.size(), buckets, export.sentSamples(), export.refusedSamples(), export.retriedRequests(), target);
      }
      out.flush();
      if (export.refusedSamples() > 0) {
        cli.err().println("warning: the receiver refused " + export.refusedSamples() + " samples (logged above);"
            + " Prometheus needs storage.tsdb.out_of_order_time_window to cover the exported range");
        cli.err().flush();
        return ExitCodes.PARTIAL_INPUT;
      }
    }
    return ExitCodes.OK;
  }

  /** One metric's day at the finest resolution the server answers for it; returns the buckets sent. */
  private static long exportDay(AppOptics source, HistoryExport export, String metric, long from, long to) {
    for (int r = 0; r < RESOLUTIONS.size(); r++) {
      MeasurementQuery query = MeasurementQuery.builder().startTime(from).endTime(to).resolution(RESOLUTIONS.get(r))
          .summaryFunction("all").followPages(false).build();
      MeasurementResult page;
      try {
        page = source.getMeasurements(metric, query);
      } catch (BadRequestException e) {
        if (r + 1 < RESOLUTIONS.size() && e.getMessage().contains("resolution")) {
          continue; // that tier expired for this range: the next coarser one holds it
        }
        throw e;
      }
      long buckets = 0;
      for (Optional<MeasurementResult> p = Optional.of(page); p.isPresent(); p = source.nextMeasurements(p.get())) {
        for (Series s : p.get().series()) {
          for (Point point : s.points()) {
            Map<String, Double> v = point.summaries();
            export.add(metric, s.tags(), point.time(), Math.round(v.getOrDefault("count", 1.0)),
                v.getOrDefault("sum", 0.0), v.getOrDefault("min", 0.0), v.getOrDefault("max", 0.0),
                v.getOrDefault("last", 0.0));
            buckets++;
          }
        }
      }
      return buckets;
    }
    return 0;
  }

  private static long time(String option, String text) {
    String t = text.trim();
    try {
      if (t.matches("\\d+")) {
        return Long.parseLong(t);
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      }
      return Instant.parse(t).getEpochSecond();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw CliFailure.usage(option + " must be epoch seconds, a date (2026-01-31) or an instant"
          + " (2026-01-31T12:00:00Z), got '" + text + "'", "");
    }
  }
}
