package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Service;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "services",
    description = "Notification services that alerts can notify.",
    subcommands = ServicesCommand.ListServices.class,
    footerHeading = "%nExamples:%n",
    footer = {"  appoptics services list", "  appoptics services list --json"})
final class ServicesCommand extends Group {

  @Command(name = "list", description = "List notification services (their ids go to 'alerts create --service').",
      footerHeading = "%nExamples:%n", footer = {"  appoptics services list"})
  static final class ListServices implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    ListServices(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<Service> services;
      try (AppOptics connection = api.connect(cli)) {
        services = connection.listServices().collect(Collectors.toList());
      }
      if (cli.json()) {
        ArrayNode list = Json.array();
        for (Service s : services) {
          ObjectNode node = list.addObject().put("id", s.id()).put("type", s.type()).put("title", s.title());
          ObjectNode settings = node.putObject("settings");
          s.settings().forEach(settings::put);
        }
        cli.out().print(Json.pretty(list));
      } else if (services.isEmpty()) {
        cli.out().println("no services");
      } else {
        Table table = new Table("id", "type", "title", "settings");
        services.forEach(s -> table.row(s.id(), s.type(), s.title(), new TreeMap<>(s.settings()).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
        cli.out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }
}
