package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Chart;
import dev.appoptics.metrics.ChartStream;
import dev.appoptics.metrics.ChartType;
import dev.appoptics.metrics.StreamTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "charts",
    description = "Charts inside a space.",
    subcommands = {ChartsCommand.ListCharts.class, ChartsCommand.Get.class, ChartsCommand.Create.class,
        ChartsCommand.Delete.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics charts create 12 'CPU by host' --metric cpu.load --group-function breakout",
      "  appoptics charts create 12 'All requests' --type stacked --composite 'sum(s(\"requests\", \"*\"))'",
      "  appoptics charts list 12",
      "  appoptics charts delete 12 34"
    })
final class ChartsCommand extends Group {

  static ObjectNode json(Chart c) {
    ObjectNode node = Json.object();
    c.id().ifPresent(id -> node.put("id", id));
    node.put("name", c.name()).put("type", c.type().wireName());
    c.label().ifPresent(v -> node.put("label", v));
    ArrayNode streams = node.putArray("streams");
    for (ChartStream s : c.streams()) {
      ObjectNode stream = streams.addObject();
      s.id().ifPresent(id -> stream.put("id", id));
      s.metric().ifPresent(v -> stream.put("metric", v));
      s.composite().ifPresent(v -> stream.put("composite", v));
      s.name().ifPresent(v -> stream.put("name", v));
      s.groupFunction().ifPresent(v -> stream.put("group_function", v));
      ArrayNode tags = stream.putArray("tags");
      for (StreamTag t : s.tags()) {
        ObjectNode tag = tags.addObject().put("name", t.name());
        t.values().forEach(tag.putArray("values")::add);
      }
    }
    return node;
  }

  static String streamsText(Chart c) {
    return c.streams().stream()
        .map(s -> s.metric().map(m -> m + s.tags().stream().map(t -> " " + t.name() + "=" + String.join("|", t.values()))
                .collect(Collectors.joining()))
            .orElseGet(() -> s.composite().orElse("?")))
        .collect(Collectors.joining("; "));
  }

  @Command(name = "list", description = "List the charts of a space.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics charts list 12"})
  static final class ListCharts implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "SPACE", description = "Space id.")
    long space;

    ListCharts(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<Chart> charts;
      try (AppOptics connection = api.connect(cli)) {
        charts = connection.listChartsInSpace(space);
      }
      if (cli.json()) {
        ArrayNode list = Json.array();
        charts.forEach(c -> list.add(json(c)));
        cli.out().print(Json.pretty(list));
      } else if (charts.isEmpty()) {
        cli.out().println("no charts in space " + space);
      } else {
        cli.out().print(table(charts));
      }
      return ExitCodes.OK;
    }
  }

  /** The two arguments that name one chart. */
  static final class ChartId {
    @Parameters(index = "0", paramLabel = "SPACE", description = "Space id.")
    long space;

    @Parameters(index = "1", paramLabel = "CHART", description = "Chart id.")
    long chart;
  }

  @Command(name = "get", description = "Show one chart.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics charts get 12 34 --json"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;
    @Mixin ChartId id;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Chart found;
      try (AppOptics connection = api.connect(cli)) {
        found = connection.getChart(id.space, id.chart);
      }
      print(cli, found);
      return ExitCodes.OK;
    }
  }

  static void print(Cli cli, Chart c) {
    if (cli.json()) {
      cli.out().print(Json.pretty(json(c)));
    } else {
      cli.out().print(table(List.of(c)));
    }
  }

  private static String table(List<Chart> charts) {
    Table table = new Table("id", "name", "type", "streams");
    charts.forEach(c -> table.row(c.id().isPresent() ? c.id().getAsLong() : null, c.name(), c.type().wireName(),
        streamsText(c)));
    return table.render();
  }

  @Command(name = "create", description = "Add a chart to a space: one stream per --metric and per --composite.",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics charts create 12 'CPU' --metric cpu.load --tag host=web* --group-function breakout",
        "  appoptics charts create 12 'Requests' --composite 'sum(s(\"requests\", \"*\"))' --label req/s"})
  static final class Create implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "SPACE", description = "Space id.")
    long space;

    @Parameters(index = "1", paramLabel = "NAME", description = "Chart name.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "line", description = "line, stacked or bignumber (default: ${DEFAULT-VALUE}).")
    ChartType type;

    @Option(names = "--metric", paramLabel = "METRIC", description = "A stream of this metric (repeatable).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "NAME=PATTERN", description = "Tag filter for the metric streams (repeatable; * wildcards).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--group-function", paramLabel = "F", description = "For metric streams: average, sum, min, max or breakout.")
    String groupFunction;

    @Option(names = "--composite", paramLabel = "EXPR", description = "A stream computed by this composite expression (repeatable).")
    List<String> composites = new ArrayList<>();

    @Option(names = "--label", paramLabel = "TEXT", description = "Y axis label.")
    String label;

    Create(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Chart.Builder chart = Chart.builder(name).type(type);
      for (String metric : metrics) {
        ChartStream.Builder stream = ChartStream.metric(metric);
        tags.forEach((tag, pattern) -> stream.tag(StreamTag.of(tag, pattern)));
        if (groupFunction != null) {
          stream.groupFunction(groupFunction);
        }
        chart.stream(stream.build());
      }
      composites.forEach(expression -> chart.stream(ChartStream.composite(expression).build()));
      if (label != null) {
        chart.label(label);
      }
      Chart created;
      try (AppOptics connection = api.connect(cli)) {
        created = connection.createChart(space, chart.build());
      }
      if (!cli.json()) {
        cli.out().println("created chart " + created.id().orElse(0) + " in space " + space);
      }
      print(cli, created);
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete a chart.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics charts delete 12 34"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;
    @Mixin ChartId id;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.deleteChart(id.space, id.chart);
      }
      Done.print(cli, "deleted", "chart", id.space + "/" + id.chart);
      return ExitCodes.OK;
    }
  }
}
