package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.ListOptions;
import dev.appoptics.metrics.Metric;
import dev.appoptics.metrics.MetricAttributes;
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
    name = "metrics",
    description = "List, show, create, update and delete metrics (their metadata; data is under 'measurements').",
    subcommands = {
      MetricsCommand.ListMetrics.class,
      MetricsCommand.Get.class,
      MetricsCommand.Create.class,
      MetricsCommand.Update.class,
      MetricsCommand.Delete.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics metrics list --name cpu",
      "  appoptics metrics get cpu.load --json",
      "  appoptics metrics create cpu.temp --description 'CPU temperature' --attribute display_units_short=C",
      "  appoptics metrics create cpu.total --type composite --composite 'sum(s(\"cpu.load\", \"*\"))'",
      "  appoptics metrics update cpu.temp --display-name 'CPU temperature'",
      "  appoptics metrics delete cpu.temp"
    })
final class MetricsCommand extends Group {

  static ObjectNode json(Metric m) {
    ObjectNode node = Json.object().put("name", m.name()).put("type", m.type());
    m.displayName().ifPresent(v -> node.put("display_name", v));
    m.description().ifPresent(v -> node.put("description", v));
    m.period().ifPresent(v -> node.put("period", v));
    m.composite().ifPresent(v -> node.put("composite", v));
    node.set("attributes", Json.tree(m.attributes().asMap()));
    return node;
  }

  @Command(name = "list", description = "List metrics, optionally those whose name contains a text.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics metrics list", "  appoptics metrics list --name cpu --json"})
  static final class ListMetrics implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only metrics whose name contains TEXT.")
    String name;

    ListMetrics(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<Metric> metrics;
      try (AppOptics connection = api.connect(cli)) {
        ListOptions options = name == null ? ListOptions.none() : ListOptions.named(name);
        metrics = connection.listAllMetrics(options).collect(Collectors.toList());
      }
      if (cli.json()) {
        ArrayNode list = Json.array();
        metrics.forEach(m -> list.add(json(m)));
        cli.out().print(Json.pretty(list));
      } else if (metrics.isEmpty()) {
        cli.out().println("no metrics" + (name == null ? "" : " whose name contains '" + name + "'"));
      } else {
        Table table = new Table("name", "type", "period", "description");
        metrics.forEach(
            m -> table.row(m.name(), m.type(), m.period().isPresent() ? m.period().getAsInt() : null,
                m.description().orElse("")));
        cli.out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show one metric.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics metrics get cpu.load"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "NAME", description = "Metric name.")
    String name;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Metric metric;
      try (AppOptics connection = api.connect(cli)) {
        metric = connection.getMetric(name);
      }
      print(cli, metric);
      return ExitCodes.OK;
    }
  }

  static void print(Cli cli, Metric m) {
    if (cli.json()) {
      cli.out().print(Json.pretty(json(m)));
      return;
    }
    Table table = new Table("field", "value");
    table.row("name", m.name()).row("type", m.type());
    m.displayName().ifPresent(v -> table.row("display name", v));
    m.description().ifPresent(v -> table.row("description", v));
    m.period().ifPresent(v -> table.row("period", v + " s"));
    m.composite().ifPresent(v -> table.row("composite", v));
    m.attributes().asMap().forEach((k, v) -> table.row(k, String.valueOf(v)));
    cli.out().print(table.render());
  }

  /** The metadata options shared by create and update. */
  static final class Fields {
    @Option(names = "--type", paramLabel = "TYPE", description = "gauge or composite.")
    String type;

    @Option(names = "--composite", paramLabel = "EXPR", description = "The expression of a composite metric.")
    String composite;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "Display name.")
    String displayName;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description.")
    String description;

    @Option(names = "--period", paramLabel = "SECONDS", description = "Reporting period in seconds.")
    Integer period;

    @Option(names = "--attribute", paramLabel = "NAME=VALUE",
        description = "An attribute such as display_units_short=ms or display_min=0 (repeatable); numbers and"
            + " true/false are sent as such.")
    Map<String, String> attributes = new LinkedHashMap<>();

    Metric toMetric(String name) {
      Metric.Builder b = Metric.builder(name);
      if (type != null) {
        b.type(type);
      }
      if (composite != null) {
        b.composite(composite);
      }
      if (displayName != null) {
        b.displayName(displayName);
      }
      if (description != null) {
        b.description(description);
      }
      if (period != null) {
        b.period(period);
      }
      if (!attributes.isEmpty()) {
        MetricAttributes.Builder a = MetricAttributes.builder();
        attributes.forEach((k, v) -> a.set(k, Json.scalar(v)));
        b.attributes(a.build());
      }
      return b.build();
    }
  }

  @Command(name = "create", description = "Create a metric (a gauge, or a persisted composite with --composite).",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics metrics create cpu.temp --description 'CPU temperature' --period 60",
        "  appoptics metrics create cpu.total --type composite --composite 'sum(s(\"cpu.load\", \"*\"))'"})
  static final class Create implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;
    @Mixin Fields fields;

    @Parameters(paramLabel = "NAME", description = "Metric name.")
    String name;

    Create(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Metric metric = fields.toMetric(name);
      if (fields.composite != null && fields.type == null) {
        metric = metric.toBuilder().type(Metric.COMPOSITE).build();
      }
      Metric created;
      try (AppOptics connection = api.connect(cli)) {
        created = connection.createMetric(metric);
      }
      if (!cli.json()) {
        cli.out().println("created metric " + created.name());
      }
      print(cli, created);
      return ExitCodes.OK;
    }
  }

  @Command(name = "update", description = "Change a metric's metadata; only the options given are changed.",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics metrics update cpu.temp --display-name 'CPU temperature' --attribute display_max=100"})
  static final class Update implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;
    @Mixin Fields fields;

    @Parameters(paramLabel = "NAME", description = "Metric name.")
    String name;

    Update(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.updateMetric(fields.toMetric(name));
      }
      Done.print(cli, "updated", "metric", name);
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete metrics and all their data.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics metrics delete cpu.temp", "  appoptics metrics delete a b c"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Metric names.")
    List<String> names;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        if (names.size() == 1) {
          connection.deleteMetric(names.get(0));
        } else {
          connection.deleteMetric(names);
        }
      }
      Done.print(cli, "deleted", "metric", String.join(", ", names));
      return ExitCodes.OK;
    }
  }
}
