package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tokens and snapshot against an embedded emulator whose jobs take 200 ms. */
class TokensAndSnapshotCommandsTest {
  private static final String TOKEN = "admin-token";

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.tokens(TOKEN).jobDuration(Duration.ofMillis(200)));

  private static CliRun cli(String... args) {
    return CliRun.against(EMULATOR.baseUri(), TOKEN, "", args);
  }

  @Test
  void tokensAreCreatedListedUpdatedAndDeleted() throws Exception {
    JsonNode created = cli("tokens", "create", "cli collectors", "--role", "recorder", "--json").json();
    String id = created.get("id").asText();
    String secret = created.get("token").asText();
    CliRun shown = cli("tokens", "create", "cli viewer", "--role", "VIEWER", "--active", "false");
    CliRun list = cli("tokens", "list", "--name", "cli coll*");
    CliRun get = cli("tokens", "get", id);
    JsonNode updated =
        cli("tokens", "update", id, "--active", "false", "--name", "cli collectors (eu)", "--json").json();
    CliRun nothing = cli("tokens", "update", id);
    CliRun badRole = cli("tokens", "create", "x", "--role", "owner");
    CliRun delete = cli("tokens", "delete", id);
    CliRun gone = cli("tokens", "get", id);

    assertThat(created.get("role").asText()).isEqualTo("recorder");
    assertThat(created.get("active").asBoolean()).isTrue();
    assertThat(secret).matches("[0-9a-f]{64}");
    assertThat(shown.out()).startsWith("created token ").contains("cli viewer").contains("viewer  no");
    assertThat(list.out()).contains("cli collectors").doesNotContain("cli viewer").doesNotContain(secret);
    assertThat(get.out()).contains(secret);
    assertThat(updated.get("name").asText()).isEqualTo("cli collectors (eu)");
    assertThat(updated.get("active").asBoolean()).isFalse();
    assertThat(updated.get("role").asText()).isEqualTo("recorder");
    assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(nothing.err()).startsWith("error: nothing to change");
    assertThat(badRole.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badRole.err()).contains("--role").contains("owner");
    assertThat(delete.out()).isEqualTo("deleted token " + id + "\n");
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(gone.err()).startsWith("error: 404 Not Found").contains("'appoptics tokens list' shows what exists");
  }

  @Test
  void aSnapshotIsCreatedAndWaitedFor() throws Exception {
    String space = cli("spaces", "create", "snapshots", "--json").json().get("id").asText();
    String chart = cli("charts", "create", space, "CPU", "--metric", "cpu", "--json").json().get("id").asText();

    JsonNode quick = cli("snapshot", "create", chart, "--json").json();
    CliRun waited = cli("snapshot", "create", chart, "--duration", "6h", "--end", "1700000000", "--type", "stacked",
        "--wait", "30s");
    JsonNode fetched = cli("snapshot", "get", quick.get("id").asText(), "--json").json();
    CliRun tooLong = cli("snapshot", "create", chart, "--duration", "5w");
    CliRun missing = cli("snapshot", "get", "999");

    assertThat(quick.get("chart").asText()).isEqualTo(chart);
    assertThat(quick.get("duration").asLong()).isEqualTo(3600);
    assertThat(quick.get("image_href").isNull()).isTrue();
    assertThat(fetched).isEqualTo(quick);
    assertThat(waited.exitCode()).as(waited.toString()).isZero();
    assertThat(waited.out()).matches("(?s)job \\d+ complete\ncreated snapshot \\d+\n.*")
        .contains("21600 s").contains("2023-11-14T22:13:20Z").contains("not rendered yet");
    assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooLong.err()).startsWith("error: invalid duration");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("'appoptics snapshot create' shows the ids");
  }

  @Test
  void waitingLongerThanAllowedIsAFailureThatSaysTheJobMayStillFinish() throws Exception {
    try (AppOpticsEmulator slow = AppOpticsEmulator.builder().jobDuration(Duration.ofHours(1)).start()) {
      String space = CliRun.against(slow.baseUri(), "t", "", "spaces", "create", "s", "--json").json()
          .get("id").asText();
      String chart = CliRun.against(slow.baseUri(), "t", "", "charts", "create", space, "c", "--json").json()
          .get("id").asText();

      CliRun run = CliRun.against(slow.baseUri(), "t", "", "snapshot", "create", chart, "--wait", "1s");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err()).startsWith("error: job 1 still queued after waiting 1")
          .contains("it may still finish");
    }
  }
}
