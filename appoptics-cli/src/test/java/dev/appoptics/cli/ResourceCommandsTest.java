package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.ServiceSeed;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** composite, annotations, spaces, charts, alerts and services against an embedded emulator. */
class ResourceCommandsTest {
  private static final String TOKEN = "resource-token";
  private static AppOpticsEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        AppOpticsEmulator.builder()
            .tokens(TOKEN)
            .service(new ServiceSeed("slack", "Team chat", Map.of("url", "https://hooks.example.com/x")))
            .start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static CliRun cli(String... args) {
    return CliRun.against(emulator.baseUri(), TOKEN, "", args);
  }

  private static JsonNode ok(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return Json.parse(run.out());
  }

  @Test
  void compositeIsEvaluatedAndBadExpressionsNameThePosition() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String input = "res.req 10 host=a @" + (now - 120) + "\nres.req 5 host=b @" + (now - 120) + "\n";
    assertThat(CliRun.against(emulator.baseUri(), TOKEN, input, "submit", "-").exitCode()).isZero();

    JsonNode json = ok(cli("composite", "sum(s(\"res.req\", \"*\"))", "--duration", "10m", "--resolution", "60", "--json"));
    CliRun table = cli("composite", "sum(s(\"res.req\", \"*\"))", "--duration", "10m", "--resolution", "60");
    CliRun bad = cli("composite", "sum(s(\"res.req\", \"*\")");

    assertThat(json.get("series").get(0).get("points").get(0).get("value").asDouble()).isEqualTo(15);
    assertThat(table.out()).startsWith("TIME (UTC)").contains("15");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(bad.err()).startsWith("error: invalid compose");
  }

  @Test
  void aDeeplyNestedCompositeIsOneErrorLineAndExitTwoNotAStackTrace() throws Exception {
    String deep = "sum(".repeat(2_000) + "s(\"res.req\", \"*\")" + ")".repeat(2_000);

    CliRun run = cli("composite", deep, "--duration", "10m", "--resolution", "60");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith(
        "error: invalid compose: expected nesting at most 100 levels deep but found level 101 at line 1, column 401");
  }

  @Test
  void annotationsArePostedReadListedAndDeleted() throws Exception {
    CliRun post = cli("annotations", "post", "res.deploys", "Deployed v1", "--source", "web1",
        "--link", "release=https://example.com/v1");
    CliRun get = cli("annotations", "get", "res.deploys", "--since", "1h");
    JsonNode json = ok(cli("annotations", "get", "res.deploys", "--json"));
    CliRun list = cli("annotations", "list");
    CliRun delete = cli("annotations", "delete", "res.deploys");
    CliRun gone = cli("annotations", "get", "res.deploys");

    assertThat(post.exitCode()).as(post.toString()).isZero();
    assertThat(post.out()).startsWith("posted event ").contains("\"Deployed v1\" to res.deploys");
    assertThat(get.out()).contains("Deployed v1").contains("web1").contains("https://example.com/v1");
    assertThat(json.get("events").get("web1").get(0).get("title").asText()).isEqualTo("Deployed v1");
    assertThat(list.out()).contains("res.deploys");
    assertThat(delete.out()).isEqualTo("deleted annotation stream res.deploys\n");
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(gone.err()).startsWith("error: 404 Not Found").contains("appoptics annotations list");
  }

  @Test
  void spacesAndChartsAreManaged() throws Exception {
    JsonNode space = ok(cli("spaces", "create", "Res space", "--json"));
    String id = space.get("id").asText();
    JsonNode chart = ok(cli("charts", "create", id, "CPU", "--metric", "res.cpu", "--tag", "host=*",
        "--group-function", "breakout", "--composite", "sum(s(\"res.req\", \"*\"))", "--json"));
    String chartId = chart.get("id").asText();
    CliRun charts = cli("charts", "list", id);
    JsonNode fetched = ok(cli("charts", "get", id, chartId, "--json"));
    CliRun shown = cli("spaces", "get", id);
    CliRun renamed = cli("spaces", "rename", id, "Res space 2");
    CliRun spaces = cli("spaces", "list", "--name", "Res space");
    CliRun chartGone = cli("charts", "delete", id, chartId);
    CliRun spaceGone = cli("spaces", "delete", id);
    CliRun missing = cli("spaces", "get", id);

    assertThat(chart.get("streams")).hasSize(2);
    assertThat(fetched).isEqualTo(chart);
    assertThat(chart.get("streams").get(0).get("tags").get(0).get("name").asText()).isEqualTo("host");
    assertThat(charts.out()).contains("CPU").contains("line").contains("res.cpu host=*");
    assertThat(shown.out()).contains("Res space").contains(chartId);
    assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
    assertThat(spaces.out()).contains("Res space 2");
    assertThat(chartGone.out()).isEqualTo("deleted chart " + id + "/" + chartId + "\n");
    assertThat(spaceGone.exitCode()).isZero();
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).startsWith("error: 404 Not Found from GET /v1/spaces/" + id);
  }

  @Test
  void alertsAreCreatedWithConditionsAndServices() throws Exception {
    JsonNode services = ok(cli("services", "list", "--json"));
    String serviceId = services.get(0).get("id").asText();
    CliRun servicesTable = cli("services", "list");

    JsonNode alert = ok(cli("alerts", "create", "res.cpu.high", "--condition", "res.cpu > 90", "--condition",
        "res.req<5", "--duration", "300", "--where", "region=us-east", "--service", serviceId, "--json"));
    CliRun list = cli("alerts", "list");
    CliRun byName = cli("alerts", "get", "res.cpu.high");
    CliRun bad = cli("alerts", "create", "res.bad", "--condition", "res.cpu >> 1");
    CliRun delete = cli("alerts", "delete", "res.cpu.high");
    CliRun missing = cli("alerts", "get", "res.cpu.high");

    assertThat(servicesTable.out()).contains("slack").contains("Team chat").contains("url=https://hooks.example.com/x");
    assertThat(alert.get("conditions")).hasSize(2);
    assertThat(alert.get("conditions").get(0).get("type").asText()).isEqualTo("above");
    assertThat(alert.get("conditions").get(0).get("threshold").asDouble()).isEqualTo(90);
    assertThat(alert.get("conditions").get(1).get("type").asText()).isEqualTo("below");
    assertThat(alert.get("conditions").get(1).get("duration").asInt()).isEqualTo(300);
    assertThat(alert.get("services").get(0).asText()).isEqualTo(serviceId);
    assertThat(list.out()).contains("res.cpu.high").contains("res.cpu above 90 (average) for 300 s where region=us-east");
    assertThat(byName.out()).contains("condition").contains("res.req below 5");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).startsWith("error: --condition 'res.cpu >> 1' is not");
    assertThat(delete.out()).isEqualTo("deleted alert res.cpu.high\n");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).isEqualTo("error: no alert 'res.cpu.high'; 'appoptics alerts list' shows what exists\n");
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    String[][] commands = {
      {"demo"}, {"emulator"}, {"submit"}, {"composite"}, {"measurements", "get"}, {"metrics", "list"},
      {"metrics", "create"}, {"annotations", "post"}, {"spaces", "create"}, {"charts", "create"},
      {"alerts", "create"}, {"services", "list"}, {"tokens", "list"}, {"tokens", "create"}, {"tokens", "update"},
      {"snapshot", "create"}, {"snapshot", "get"}
    };
    for (String[] command : commands) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(run.out()).as(String.join(" ", args)).contains("Usage: appoptics " + String.join(" ", command))
          .contains("Examples:");
    }
  }
}
