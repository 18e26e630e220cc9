package dev.appoptics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "snapshot",
    aliases = "snapshots",
    description = {
      "Snapshots of a running server's data: each a consistent copy, in DATA_DIR/snapshots/NAME, of everything",
      "the server had answered as stored when the snapshot was answered. Copy one elsewhere (cp -a, rsync, tar)",
      "and start a server on the copy to restore it. Needs an admin token."
    },
    subcommands = {ServerSnapshotCommand.Create.class, ServerSnapshotCommand.ListSnapshots.class,
        ServerSnapshotCommand.Delete.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics server snapshot create --token secret",
      "  appoptics server snapshot list --endpoint http://10.0.4.2:8080/v1/ --token secret",
      "  appoptics server snapshot delete 20261201T223215.042Z --token secret",
      "  rsync -a /var/lib/appoptics/snapshots/20261201T223215.042Z/ backup:/backups/appoptics/",
      "See docs/server.md, 'Backing up and restoring'."
    })
final class ServerSnapshotCommand extends Group {
  private static final String SNAPSHOTS = "admin/snapshots";

  /** Which server, and an admin token for it. */
  static final class Connection {
    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/v1/",
        description = "The server's API root (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--token", paramLabel = "TOKEN",
        description = "An admin token: one the server was started with, or an API token with the admin role"
            + " (default: the APPOPTICS_TOKEN environment variable).")
    String token;

    ServerAdmin open(Cli cli) {
      return new ServerAdmin(endpoint, ApiOptions.token(cli, token));
    }
  }

  private static Object[] cells(JsonNode s) {
    return new Object[] {s.get("name").asText(), s.get("created_at").asText(), s.get("bytes").asLong(),
        s.get("path").asText()};
  }

  @Command(name = "create", description = "Take a snapshot of the server's data now; prints its name and where it is.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics server snapshot create --token secret --json"})
  static final class Create implements Callable<Integer> {
    private final Cli cli;
    @Mixin Connection connection;

    Create(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      JsonNode s = connection.open(cli).send("POST", SNAPSHOTS);
      if (cli.json()) {
        cli.out().print(Json.pretty(s));
      } else {
        cli.out().println("created snapshot " + s.get("name").asText() + " (" + s.get("bytes").asLong()
            + " bytes) in " + s.get("path").asText());
      }
      cli.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", description = "The snapshots kept, oldest first.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics server snapshot list --token secret"})
  static final class ListSnapshots implements Callable<Integer> {
    private final Cli cli;
    @Mixin Connection connection;

    ListSnapshots(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      JsonNode snapshots = connection.open(cli).send("GET", SNAPSHOTS).get("snapshots");
      if (cli.json()) {
        cli.out().print(Json.pretty(snapshots));
      } else if (snapshots.isEmpty()) {
        cli.out().println("no snapshots");
      } else {
        Table table = new Table("name", "created (UTC)", "bytes", "path");
        snapshots.forEach(s -> table.row(cells(s)));
        cli.out().print(table.render());
      }
      cli.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete a snapshot from the server's data directory.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics server snapshot delete 20261201T223215.042Z --token secret"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin Connection connection;

    @Parameters(paramLabel = "NAME", description = "The snapshot's name (from 'appoptics server snapshot list').")
    String name;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      connection.open(cli).send("DELETE", SNAPSHOTS + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
          .replace("+", "%20"));
      Done.print(cli, "deleted", "snapshot", name);
      return ExitCodes.OK;
    }
  }
}
