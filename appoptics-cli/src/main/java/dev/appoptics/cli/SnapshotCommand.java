package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Durations;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.ChartType;
import dev.appoptics.metrics.Job;
import dev.appoptics.metrics.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "snapshot",
    aliases = "snapshots",
    description = "Chart snapshots: a PNG of a chart over a time span, rendered by the service in the background.",
    subcommands = {SnapshotCommand.Create.class, SnapshotCommand.Get.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics snapshot create 42 --duration 6h --wait 2m",
      "  appoptics snapshot get 7"
    })
final class SnapshotCommand extends Group {

  static ObjectNode json(Snapshot s) {
    ObjectNode node = Json.object();
    s.id().ifPresent(id -> node.put("id", id));
    node.put("chart", s.chartId());
    s.chartType().ifPresent(t -> node.put("type", t.wireName()));
    s.duration().ifPresent(d -> node.put("duration", d.getSeconds()));
    s.endTime().ifPresent(t -> node.put("end_time", t.toString()));
    s.jobId().ifPresent(id -> node.put("job", id));
    node.put("image_href", s.imageHref().orElse(null));
    s.createdAt().ifPresent(t -> node.put("created_at", t.toString()));
    return node;
  }

  static void print(Cli cli, Snapshot s) {
    if (cli.json()) {
      cli.out().print(Json.pretty(json(s)));
      return;
    }
    cli.out().print(new Table("id", "chart", "span", "end (UTC)", "job", "image")
        .row(s.id().getAsLong(), s.chartId(), s.duration().map(d -> d.getSeconds() + " s").orElse("-"),
            s.endTime().map(Instant::toString).orElse("-"), s.jobId().isPresent() ? s.jobId().getAsLong() : null,
            s.imageHref().orElse("not rendered yet"))
        .render());
  }

  private static long seconds(String option, String text) {
    try {
      return Durations.seconds(text);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(option + " " + e.getMessage(), "");
    }
  }

  @Command(name = "create", description = "Ask for a snapshot of a chart; with --wait, wait until it is rendered.",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics snapshot create 42",
        "  appoptics snapshot create 42 --duration 1d --end 1700000000 --type stacked --wait 5m"})
  static final class Create implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "CHART", description = "Chart id (from 'charts list SPACE').")
    long chart;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Span pictured: 90, 30m, 6h, 2d (default 1h, at most 4w).")
    String duration;

    @Option(names = "--end", paramLabel = "EPOCH", description = "End of the span, epoch seconds (default: now).")
    Long end;

    @Option(names = "--type", paramLabel = "TYPE", description = "Draw as line, stacked or bignumber (default: the chart's type).")
    ChartType type;

    @Option(names = "--wait", paramLabel = "DURATION", description = "Wait up to this long for the image (e.g. 2m).")
    String wait;

    Create(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Snapshot.Builder request = Snapshot.builder(chart);
      if (duration != null) {
        request.duration(Duration.ofSeconds(seconds("--duration", duration)));
      }
      if (end != null) {
        request.endTime(Instant.ofEpochSecond(end));
      }
      if (type != null) {
        request.chartType(type);
      }
      Duration patience = wait == null ? null : Duration.ofSeconds(seconds("--wait", wait));
      Snapshot snapshot;
      try (AppOptics connection = api.connect(cli)) {
        snapshot = connection.createSnapshot(request.build());
        if (patience != null) {
          Job job = connection.waitForJob(snapshot.jobId().getAsLong(), patience);
          snapshot = connection.getSnapshot(snapshot.id().getAsLong());
          if (!cli.json()) {
            cli.out().println("job " + job.id() + " " + job.state().wireName());
          }
        }
      }
      if (!cli.json()) {
        cli.out().println("created snapshot " + snapshot.id().getAsLong());
      }
      print(cli, snapshot);
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show a snapshot and, once rendered, where its image is.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics snapshot get 7"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "Snapshot id.")
    long id;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Snapshot snapshot;
      try (AppOptics connection = api.connect(cli)) {
        snapshot = connection.getSnapshot(id);
      }
      print(cli, snapshot);
      return ExitCodes.OK;
    }
  }
}
