package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.MeasurementResult;
import dev.appoptics.metrics.Series;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** submit, measurements and metrics against an embedded emulator, checked through the emulator. */
class ApiCommandsTest {
  private static final String TOKEN = "cli-test-token";
  private static AppOpticsEmulator emulator;
  private static AppOptics client;

  @BeforeAll
  static void start() {
    emulator = AppOpticsEmulator.builder().tokens(TOKEN).start();
    client = AppOptics.builder().token(TOKEN).baseUri(emulator.baseUri()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  private static CliRun cli(String... args) {
    return cliWithInput("", args);
  }

  private static CliRun cliWithInput(String stdin, String... args) {
    return CliRun.against(emulator.baseUri(), TOKEN, stdin, args);
  }

  private static MeasurementResult stored(String name) {
    return client.getMeasurements(name, MeasurementQuery.last(Duration.ofHours(1), 1));
  }

  private static double storedSum(String name) {
    return stored(name).series().stream()
        .flatMap(s -> s.points().stream())
        .mapToDouble(p -> p.value())
        .sum();
  }

  @Test
  void submitsOneMeasurementWithTags() {
    CliRun run = cli("submit", "cli.single", "0.75", "--tag", "host=web1", "--tag", "region=eu");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("submitted cli.single 0.75 host=web1,region=eu\n");
    Series series = stored("cli.single").series().get(0);
    assertThat(series.tags()).isEqualTo(Map.of("host", "web1", "region", "eu"));
    assertThat(series.points().get(0).value()).isEqualTo(0.75);
  }

  @Test
  void stdinBadLinesAreReportedWithNumbersAndGoodLinesAreStillSubmitted() {
    String input =
        "cli.stdin 1 host=a\n"
            + "cli.stdin abc host=a\n"
            + "\n"
            + "# a comment\n"
            + "{\"name\":\"cli.stdin\",\"value\":2,\"tags\":{\"host\":\"b\"}}\n"
            + "cli.stdin 3 host\n"
            + "{\"name\":\"cli.stdin\",\n"
            + "cli.stdin 4 host=c\n";

    CliRun run = cliWithInput(input, "submit", "-");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PARTIAL_INPUT);
    assertThat(run.err())
        .contains("rejected line 2: value 'abc' is not a number")
        .contains("rejected line 6: tag 'host' is not NAME=VALUE")
        .contains("rejected line 7: not valid JSON")
        .contains("error: 3 of 8 lines rejected");
    assertThat(run.out()).isEqualTo("submitted 3 measurements from 8 lines (3 rejected)\n");
    assertThat(storedSum("cli.stdin")).isEqualTo(1 + 2 + 4);
  }

  @Test
  void stdinTagsFillInWhatLinesDoNotNameAndJsonSummaryIsParsable() throws Exception {
    CliRun run =
        cliWithInput("cli.fill 5 host=a\ncli.fill 6 region=us\n", "submit", "-", "--tag", "region=eu", "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = Json.parse(run.out());
    assertThat(json.get("submitted").asInt()).isEqualTo(2);
    assertThat(json.get("rejected")).isEmpty();
    Map<Map<String, String>, Double> byTags =
        stored("cli.fill").series().stream()
            .collect(Collectors.toMap(Series::tags, s -> s.points().get(0).value()));
    assertThat(byTags)
        .isEqualTo(Map.of(Map.of("host", "a", "region", "eu"), 5.0, Map.of("region", "us"), 6.0));
  }

  @Test
  void stdinInBatchesSubmitsEverything() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      input.append("cli.batch 1 host=h").append(i % 7).append('\n');
    }

    long before = emulator.stats().measurementsAccepted();

    CliRun run = cliWithInput(input.toString(), "submit", "-", "--batch", "128");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("submitted 1000 measurements from 1000 lines\n");
    assertThat(emulator.stats().measurementsAccepted() - before).isEqualTo(1_000);
  }

  @Test
  void longStdinSubmissionsShowProgressOnStderr() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < StdinSubmission.PROGRESS_EVERY + 5; i++) {
      input.append("cli.progress ").append(i % 10).append(" host=h").append(i % 3).append('\n');
    }

    CliRun run = cliWithInput(input.toString(), "submit", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEqualTo("... 10000 lines read, 10000 measurements queued or sent\n");
    assertThat(run.out()).isEqualTo("submitted 10005 measurements from 10005 lines\n");
  }

  @Test
  void unknownMetricIsOneLineErrorWithExitOne() {
    CliRun run = cli("measurements", "get", "cli.no.such.metric");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("error: 404 Not Found from GET /v1/measurements/cli.no.such.metric")
        .contains("appoptics metrics list");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = cli("measurements", "get", "cli.no.such.metric", "--verbose");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err().lines().count()).isGreaterThan(3);
    assertThat(run.err()).contains("NotFoundException").contains("\tat ");
  }

  @Test
  void wrongTokenSaysWhatToCheck() {
    CliRun run = CliRun.against(emulator.baseUri(), "wrong", "", "metrics", "list");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).startsWith("error: 401 Unauthorized").contains("check the token");
  }

  @Test
  void tokenComesFromTheEnvironmentAndIsRequired() {
    CliRun withEnv =
        CliRun.withInput(
            "", Map.of("APPOPTICS_TOKEN", TOKEN), "metrics", "list", "--endpoint", emulator.baseUri().toString());
    CliRun without = CliRun.withInput("", Map.of(), "metrics", "list", "--endpoint", emulator.baseUri().toString());

    assertThat(withEnv.exitCode()).as(withEnv.toString()).isZero();
    assertThat(without.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(without.err()).isEqualTo("error: no API token; pass --token or set APPOPTICS_TOKEN\n");
  }

  @Test
  void unreachableServerIsAFailureNamingTheEndpointOption() {
    CliRun run = CliRun.withInput("", Map.of(), "metrics", "list", "--endpoint", "http://127.0.0.1:1/v1/", "--token", "t");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).startsWith("error: no answer to GET /v1/metrics").contains("--endpoint");
  }

  @Test
  void measurementsComeBackAsTableCsvJsonAndPlot() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      input.append("cli.read ").append(i).append(" host=a @").append(now - 600 + 60L * i).append('\n');
    }
    assertThat(cliWithInput(input.toString(), "submit", "-").exitCode()).isZero();

    CliRun table = cli("measurements", "get", "cli.read", "--duration", "15m", "--resolution", "60");
    CliRun csv = cli("measurements", "get", "cli.read", "--duration", "15m", "--resolution", "60", "--csv");
    CliRun json = cli("measurements", "get", "cli.read", "--duration", "15m", "--resolution", "300", "--json");
    CliRun plot = cli("measurements", "get", "cli.read", "--duration", "15m", "--plot", "--width", "20", "--height", "4");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out().lines().findFirst()).hasValue("TIME (UTC)            HOST  VALUE");
    assertThat(table.out().lines()).hasSize(11);
    assertThat(csv.out()).startsWith("time,host,value\r\n").contains(",a,9\r\n");
    JsonNode parsed = Json.parse(json.out());
    assertThat(parsed.get("resolution").asInt()).isEqualTo(300);
    assertThat(parsed.get("series").get(0).get("tags").get("host").asText()).isEqualTo("a");
    assertThat(parsed.get("series").get(0).get("points").size()).isBetween(2, 4);
    assertThat(plot.out()).startsWith("cli.read host=a (10 points at 60 s)\n").contains("┤").contains("UTC");
  }

  @Test
  void metricsCanBeCreatedListedShownUpdatedAndDeleted() throws Exception {
    CliRun create =
        cli("metrics", "create", "cli.meta", "--description", "for tests", "--period", "60",
            "--attribute", "display_units_short=ms", "--attribute", "display_min=0");
    CliRun list = cli("metrics", "list", "--name", "cli.meta");
    CliRun update = cli("metrics", "update", "cli.meta", "--display-name", "Meta");
    CliRun get = cli("metrics", "get", "cli.meta", "--json");
    CliRun delete = cli("metrics", "delete", "cli.meta");
    CliRun gone = cli("metrics", "get", "cli.meta");

    assertThat(create.exitCode()).as(create.toString()).isZero();
    assertThat(create.out()).startsWith("created metric cli.meta\n").contains("for tests");
    assertThat(list.out()).contains("cli.meta").contains("gauge").contains("for tests");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    JsonNode metric = Json.parse(get.out());
    assertThat(metric.get("display_name").asText()).isEqualTo("Meta");
    assertThat(metric.get("period").asInt()).isEqualTo(60);
    assertThat(metric.get("attributes").get("display_units_short").asText()).isEqualTo("ms");
    assertThat(delete.out()).isEqualTo("deleted metric cli.meta\n");
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(gone.err()).startsWith("error: 404 Not Found from GET /v1/metrics/cli.meta");
  }

  @Test
  void groupCommandWithoutSubcommandAsksForOne() {
    CliRun run = CliRun.run("metrics");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: a subcommand is required: list, get, create, update, delete");
  }
}
