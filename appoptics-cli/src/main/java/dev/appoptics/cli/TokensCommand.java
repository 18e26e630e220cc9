package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.ApiToken;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.ListOptions;
import dev.appoptics.metrics.TokenRole;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tokens",
    description = "API tokens: who may record, view or administer the account.",
    subcommands = {
      TokensCommand.ListTokens.class,
      TokensCommand.Get.class,
      TokensCommand.Create.class,
      TokensCommand.Update.class,
      TokensCommand.Delete.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics tokens create collectors --role recorder",
      "  appoptics tokens list --name 'collect*'",
      "  appoptics tokens update 28 --active false",
      "  appoptics tokens delete 28"
    })
final class TokensCommand extends Group {
  /** The table's columns; lists leave out the last one, the secret. */
  private static final List<String> COLUMNS = List.of("id", "name", "role", "active", "created (UTC)", "token");

  /** The token as {@code --json} shows it: the API's field names, the secret included (scripts need it). */
  static ObjectNode json(ApiToken t) {
    ObjectNode node = Json.object();
    t.id().ifPresent(id -> node.put("id", id));
    node.put("name", t.name().orElse(null));
    node.put("role", t.role().wireName());
    node.put("active", t.isActive());
    t.token().ifPresent(secret -> node.put("token", secret));
    t.createdAt().ifPresent(c -> node.put("created_at", c.toString()));
    t.updatedAt().ifPresent(u -> node.put("updated_at", u.toString()));
    return node;
  }

  private static Object[] cells(ApiToken t) {
    return new Object[] {t.id().getAsLong(), t.name().orElse("-"), t.role().wireName(), t.isActive() ? "yes" : "no",
        t.createdAt().map(Instant::toString).orElse("-"), t.token().orElse("-")};
  }

  /** Tokens as a table without their secrets, or all their fields with {@code --json}. */
  static void printList(Cli cli, List<ApiToken> tokens) {
    if (cli.json()) {
      ArrayNode list = Json.array();
      tokens.forEach(t -> list.add(json(t)));
      cli.out().print(Json.pretty(list));
    } else if (tokens.isEmpty()) {
      cli.out().println("no tokens");
    } else {
      Table table = new Table(COLUMNS.subList(0, COLUMNS.size() - 1).toArray(String[]::new));
      tokens.forEach(t -> table.row(Arrays.copyOf(cells(t), COLUMNS.size() - 1)));
      cli.out().print(table.render());
    }
  }

  /** One token, its secret included. */
  static void printOne(Cli cli, ApiToken t) {
    if (cli.json()) {
      cli.out().print(Json.pretty(json(t)));
    } else {
      cli.out().print(new Table(COLUMNS.toArray(String[]::new)).row(cells(t)).render());
    }
  }

  @Command(name = "list", description = "List API tokens (without their secrets; 'get' or --json shows them).",
      footerHeading = "%nExamples:%n", footer = {"  appoptics tokens list", "  appoptics tokens list --name 'collect*'"})
  static final class ListTokens implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Option(names = "--name", paramLabel = "PATTERN",
        description = "Only tokens whose name matches PATTERN (* wildcards; without one, anywhere in the name).")
    String name;

    ListTokens(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      List<ApiToken> tokens;
      try (AppOptics connection = api.connect(cli)) {
        tokens = connection.listApiTokens(name == null ? ListOptions.none() : ListOptions.named(name))
            .collect(Collectors.toList());
      }
      printList(cli, tokens);
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Show one API token, its secret included.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics tokens get 28"})
  static final class Get implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "Token id (from 'tokens list').")
    long id;

    Get(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      ApiToken token;
      try (AppOptics connection = api.connect(cli)) {
        token = connection.getApiToken(id);
      }
      printOne(cli, token);
      return ExitCodes.OK;
    }
  }

  @Command(name = "create", description = "Create an API token and show its secret.",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics tokens create collectors --role recorder",
        "  appoptics tokens create 'spare viewer' --role viewer --active false"})
  static final class Create implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "NAME", description = "Token name (need not be unique).")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "admin (everything), recorder (submit and read) or viewer (read only).")
    TokenRole role;

    @Option(names = "--active", paramLabel = "BOOL", arity = "1", defaultValue = "true",
        description = "Whether the token may authenticate (default: ${DEFAULT-VALUE}).")
    boolean active;

    Create(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      ApiToken token = ApiToken.builder(name, role).active(active).build();
      ApiToken created;
      try (AppOptics connection = api.connect(cli)) {
        created = connection.createApiToken(token);
      }
      if (!cli.json()) {
        cli.out().println("created token " + created.id().getAsLong());
      }
      printOne(cli, created);
      return ExitCodes.OK;
    }
  }

  @Command(name = "update", description = "Rename an API token, change its role, or (de)activate it.",
      footerHeading = "%nExamples:%n", footer = {
        "  appoptics tokens update 28 --active false",
        "  appoptics tokens update 28 --name 'collectors (eu)' --role viewer"})
  static final class Update implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "Token id.")
    long id;

    @Option(names = "--name", paramLabel = "NAME", description = "New name.")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", description = "New role: admin, recorder or viewer.")
    TokenRole role;

    @Option(names = "--active", paramLabel = "BOOL", arity = "1", description = "true or false.")
    Boolean active;

    Update(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      if (name == null && role == null && active == null) {
        throw CliFailure.usage("nothing to change", "give --name, --role or --active");
      }
      ApiToken updated;
      try (AppOptics connection = api.connect(cli)) {
        ApiToken.Builder changed = connection.getApiToken(id).toBuilder();
        if (name != null) {
          changed.name(name);
        }
        if (role != null) {
          changed.role(role);
        }
        if (active != null) {
          changed.active(active);
        }
        updated = connection.updateApiToken(changed.build());
      }
      if (!cli.json()) {
        cli.out().println("updated token " + id);
      }
      printOne(cli, updated);
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", description = "Delete an API token; it stops authenticating.",
      footerHeading = "%nExamples:%n", footer = {"  appoptics tokens delete 28"})
  static final class Delete implements Callable<Integer> {
    private final Cli cli;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "Token id.")
    long id;

    Delete(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (AppOptics connection = api.connect(cli)) {
        connection.deleteApiToken(id);
      }
      Done.print(cli, "deleted", "token", String.valueOf(id));
      return ExitCodes.OK;
    }
  }
}
