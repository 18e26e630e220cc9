package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.ListOptions;
import dev.appoptics.metrics.Space;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "spaces",
    description = "Spaces (dashboards) that hold charts; the charts themselves are under 'charts'.",
    subcommands = {
      SpacesCommand.ListSpaces.class,
      SpacesCommand.Get.class,
      SpacesCommand.Create.class,
      SpacesCommand.Rename.class,
      SpacesCommand.Delete.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics spaces create 'Web fleet'",
      "  appoptics spaces list",
      "  appoptics spaces rename 12 'Web fleet (prod)'",
      "  appoptics spaces delete 12"
    })
final class SpacesCommand extends Group {

  static ObjectNode json(Space s) {
    ObjectNode node = Json.object().put("id", s.id()).put("name", s.name());
    ArrayNode charts = node.putArray("charts");
    s.chartIds().forEach(charts::add);
    return node;
  }

  @Command(name = "list", description = "List spaces.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics spaces list --name web"})
  static final class ListSpaces implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only spaces whose name contains TEXT.")
    String name;

    ListSpaces(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<Space> spaces;
      try (AppOptics connection = api.connect(cli)) {
        spaces = connection.listSpaces(name == null ? ListOptions.none() : ListOptions.named(name))
            .collect(Collectors.toList());
      }
      if (cli.json()) {
        ArrayNode list = Json.array();
        spaces.forEach(s -> list.add(Json.object().put("id", s.id()).put("name", s.name())));
        cli.out().print(Json.pretty(list));
      } else if (spaces.isEmpty()) {
        cli.out().println("no spaces");
      } else {
        Table table = new Table("id", "name");
        spaces.forEach(s -> table.row(s.id(), s.name()));
        cli.out().print(table.render());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show a space and the ids of its charts.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics spaces get 12"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "Space id.")
    long id;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Space space;
      try (AppOptics connection = api.connect(cli)) {
        space = connection.getSpace(id);
      }
      print(cli, space);
      return ExitCodes.OK;
    }
  }

  static void print(Cli cli, Space space) {
    if (cli.json()) {
      cli.out().print(Json.pretty(json(space)));
    } else {
      cli.out().print(new Table("id", "name", "charts")
          .row(space.id(), space.name(), space.chartIds().isEmpty() ? "none" : space.chartIds().stream()
              .map(String::valueOf).collect(Collectors.joining(", ")))
          .render());
    }
  }

  @Command(name = "create", description = "Create a space.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics spaces create 'Web fleet'"})
  static final class Create implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "NAME", description = "Space name.")
    String name;

    Create(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Space space;
      try (AppOptics connection = api.connect(cli)) {
        space = connection.createSpace(name);
      }
      if (!cli.json()) {
        cli.out().println("created space " + space.id());
      }
      print(cli, space);
      return ExitCodes.OK;
    }
  }

  @Command(name = "rename", description = "Rename a space.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics spaces rename 12 'Web fleet (prod)'"})
  static final class Rename implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "ID", description = "Space id.")
    long id;

    @Parameters(index = "1", paramLabel = "NAME", description = "New name.")
    String name;

    Rename(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.updateSpace(connection.getSpace(id).withName(name));
      }
      Done.print(cli, "renamed", "space", String.valueOf(id));
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete a space and its charts.", footerHeading = "%nExamples:%n",
      footer = {"  appoptics spaces delete 12"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "Space id.")
    long id;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.deleteSpace(id);
      }
      Done.print(cli, "deleted", "space", String.valueOf(id));
      return ExitCodes.OK;
    }
  }
}
