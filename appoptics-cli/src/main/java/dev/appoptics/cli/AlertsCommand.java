package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Numbers;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.Alert;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Condition;
import dev.appoptics.metrics.ConditionTag;
import dev.appoptics.metrics.ListOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "alerts",
    description = "Alerts: conditions on metrics and the services they notify.",
    subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Get.class, AlertCreateCommand.class,
        AlertsCommand.Delete.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics alerts create cpu.high --condition 'cpu.load > 90' --duration 300 --service 3",
      "  appoptics alerts list",
      "  appoptics alerts get cpu.high",
      "  appoptics alerts delete cpu.high"
    })
final class AlertsCommand extends Group {

  static ObjectNode json(Alert a) {
    ObjectNode node = Json.object();
    a.id().ifPresent(id -> node.put("id", id));
    node.put("name", a.name()).put("active", a.isActive());
    a.description().ifPresent(v -> node.put("description", v));
    a.rearmSeconds().ifPresent(v -> node.put("rearm_seconds", v));
    ArrayNode conditions = node.putArray("conditions");
    for (Condition c : a.conditions()) {
      ObjectNode cond = conditions.addObject().put("type", c.type().wireName()).put("metric_name", c.metricName());
      c.threshold().ifPresent(v -> cond.put("threshold", v));
      c.duration().ifPresent(v -> cond.put("duration", v));
      c.summaryFunction().ifPresent(v -> cond.put("summary_function", v));
      ArrayNode tags = cond.putArray("tags");
      for (ConditionTag t : c.tags()) {
        ObjectNode tag = tags.addObject().put("name", t.name());
        t.values().forEach(tag.putArray("values")::add);
      }
    }
    ArrayNode services = node.putArray("services");
    a.serviceIds().forEach(services::add);
    return node;
  }

  static String conditionText(Condition c) {
    String what = c.type().wireName()
        + c.threshold().stream().mapToObj(t -> " " + Numbers.format(t)).findFirst().orElse("");
    return c.metricName() + " " + what
        + c.summaryFunction().map(f -> " (" + f + ")").orElse("")
        + c.duration().stream().mapToObj(d -> " for " + d + " s").findFirst().orElse("")
        + c.tags().stream().map(t -> " where " + t.name() + "=" + String.join("|", t.values()))
            .collect(Collectors.joining());
  }

  static void print(Cli cli, Alert a) {
    if (cli.json()) {
      cli.out().print(Json.pretty(json(a)));
      return;
    }
    Table table = new Table("field", "value");
    table.row("id", a.id().isPresent() ? String.valueOf(a.id().getAsLong()) : "-");
    table.row("name", a.name()).row("active", a.isActive() ? "yes" : "no");
    a.description().ifPresent(v -> table.row("description", v));
    for (Condition c : a.conditions()) {
      table.row("condition", conditionText(c));
    }
    table.row("services", a.serviceIds().isEmpty() ? "none" : a.serviceIds().toString());
    a.rearmSeconds().ifPresent(v -> table.row("rearm", v + " s"));
    cli.out().print(table.render());
  }

  /** An alert by id (all digits) or by name; a missing one is a failure that says how to list them. */
  static Alert find(AppOptics connection, String idOrName) {
    Optional<Alert> alert =
        idOrName.matches("\\d{1,18}") ? connection.getAlert(Long.parseLong(idOrName)) : connection.getAlert(idOrName);
    return alert.orElseThrow(() -> new CliFailure(
        ExitCodes.FAILURE, "no alert '" + idOrName + "'", "'appoptics alerts list' shows what exists"));
  }

  @Command(name = "list", description = "List alerts.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics alerts list --name cpu"})
  static final class ListAlerts implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only alerts whose name contains TEXT.")
    String name;

    ListAlerts(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<Alert> alerts;
      try (AppOptics connection = api.connect(cli)) {
        alerts = connection.listAlerts(name == null ? ListOptions.none() : ListOptions.named(name))
            .collect(Collectors.toList());
      }
      if (cli.json()) {
        ArrayNode list = Json.array();
        alerts.forEach(a -> list.add(json(a)));
        cli.out().print(Json.pretty(list));
      } else if (alerts.isEmpty()) {
        cli.out().println("no alerts");
      } else {
        Table table = new Table("id", "name", "active", "conditions", "services");
        alerts.forEach(a -> table.row(a.id().isPresent() ? a.id().getAsLong() : null, a.name(),
            a.isActive() ? "yes" : "no",
            a.conditions().stream().map(AlertsCommand::conditionText).collect(Collectors.joining("; ")),
            a.serviceIds().size()));
        cli.out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show one alert, by id or name.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics alerts get cpu.high", "  appoptics alerts get 42 --json"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ALERT", description = "Alert id or name.")
    String alert;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Alert found;
      try (AppOptics connection = api.connect(cli)) {
        found = find(connection, alert);
      }
      print(cli, found);
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete an alert, by id or name.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics alerts delete cpu.high"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ALERT", description = "Alert id or name.")
    String alert;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.deleteAlert(find(connection, alert).id().orElseThrow());
      }
      Done.print(cli, "deleted", "alert", alert);
      return ExitCodes.OK;
    }
  }
}
