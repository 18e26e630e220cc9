package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.ApiToken;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Measurement;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.Space;
import dev.appoptics.metrics.TokenRole;
import dev.appoptics.server.AppOpticsServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code appoptics server snapshot create|list|delete} against a server: the operator's whole round (take a
 * snapshot, copy it, start a server on the copy), the token rules, an in-memory emulator, and a disk too small for
 * the snapshot.
 */
class ServerSnapshotCommandTest {
  private static final String TOKEN = "admin-token";

  @TempDir Path dir;

  private static CliRun cli(URI endpoint, String token, String... args) {
    return CliRun.against(endpoint, token, "", args);
  }

  private AppOpticsServer server(Path data) {
    return AppOpticsServer.builder(data).port(0).token(TOKEN).report(line -> {}).start();
  }

  @Test
  void aSnapshotIsTakenListedCopiedRestoredAndDeleted() throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonNode taken;
    CliRun listed;
    CliRun deleted;
    JsonNode afterDelete;
    try (AppOpticsServer server = server(dir.resolve("data"));
        AppOptics api = AppOptics.builder().token(TOKEN).baseUri(server.baseUri()).build()) {
      api.submit(Measurement.builder("cpu").value(0.5).tag("host", "a").time(now - 60).build());
      api.createSpace("ops");
      URI endpoint = server.baseUri();
      taken = cli(endpoint, TOKEN, "server", "snapshot", "create", "--json").json();
      CliRun second = cli(endpoint, TOKEN, "server", "snapshot", "create");
      listed = cli(endpoint, TOKEN, "server", "snapshot", "list");
      String secondName = second.out().split(" ")[2];
      deleted = cli(endpoint, TOKEN, "server", "snapshot", "delete", secondName);
      afterDelete = cli(endpoint, TOKEN, "server", "snapshot", "list", "--json").json();

      assertThat(second.out()).as(second.toString()).matches("created snapshot \\S+ \\(\\d+ bytes\\) in "
          + dir.resolve("data").resolve("snapshots").resolve(secondName).toAbsolutePath() + "\n");
      assertThat(listed.out()).as(listed.toString()).startsWith("NAME").contains(taken.get("name").asText())
          .contains(secondName);
      assertThat(deleted.out()).isEqualTo("deleted snapshot " + secondName + "\n");
    }
    assertThat(afterDelete).hasSize(1);
    assertThat(afterDelete.get(0)).isEqualTo(taken);
    Path copy = dir.resolve("restored");
    copyTree(Path.of(taken.get("path").asText()), copy);

    try (AppOpticsServer restored = server(copy);
        AppOptics api = AppOptics.builder().token(TOKEN).baseUri(restored.baseUri()).build()) {
      assertThat(api.listSpaces().map(Space::name)).containsExactly("ops");
      assertThat(api.getMeasurements("cpu", MeasurementQuery.builder().startTime(now - 120).resolution(1).build())
          .series()).singleElement().satisfies(s -> assertThat(s.points()).singleElement()
              .satisfies(p -> assertThat(p.value()).isEqualTo(0.5)));
    }
  }

  @Test
  void onlyAnAdminTokenMayTakeSnapshots() throws Exception {
    try (AppOpticsServer server = server(dir.resolve("data"));
        AppOptics api = AppOptics.builder().token(TOKEN).baseUri(server.baseUri()).build()) {
      String recorder = api.createApiToken(ApiToken.builder("collectors", TokenRole.RECORDER).build()).token()
          .orElseThrow();
      String admin = api.createApiToken(ApiToken.builder("operator", TokenRole.ADMIN).build()).token().orElseThrow();

      CliRun unknown = cli(server.baseUri(), "made-up", "server", "snapshot", "create");
      CliRun notAdmin = cli(server.baseUri(), recorder, "server", "snapshot", "list");
      CliRun madeAdmin = cli(server.baseUri(), admin, "server", "snapshot", "list");
      CliRun noToken = CliRun.run("server", "snapshot", "list", "--endpoint", server.baseUri().toString());

      assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(unknown.err()).isEqualTo("error: 401 Unauthorized from POST /admin/snapshots: Credentials are"
          + " required to access this resource.; check the token (--token or APPOPTICS_TOKEN)\n");
      assertThat(notAdmin.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(notAdmin.err()).startsWith("error: 403 Forbidden from GET /admin/snapshots: Only an admin token"
          + " may call this; this token's role is recorder; snapshots need an admin token");
      assertThat(madeAdmin.out()).as(madeAdmin.toString()).isEqualTo("no snapshots\n");
      assertThat(noToken.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(noToken.err()).startsWith("error: no API token");
      assertThat(dir.resolve("data").resolve("snapshots")).doesNotExist();
    }
  }

  @Test
  void anInMemoryEmulatorHasNothingToSnapshot() {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().tokens(TOKEN).start()) {
      CliRun run = cli(emulator.baseUri(), TOKEN, "server", "snapshot", "create");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err()).startsWith("error: 404 Not Found from POST /admin/snapshots: This server keeps its data"
          + " in memory: there is nothing to snapshot.");
    }
  }

  @Test
  void anEndpointThatIsNotAnApiRootIsAUsageError() {
    CliRun run = CliRun.run("server", "snapshot", "list", "--endpoint", "http://127.0.0.1:8080/", "--token", TOKEN);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: --endpoint must be the server's API root, ending in /v1/");
  }

  /**
   * The server in a process of its own, whose {@code DATA/snapshots} is a 192 KiB tmpfs mounted in a mount namespace
   * of its own ({@code unshare}, which needs no privileges where the kernel allows user namespaces): its resources
   * alone are larger, so the snapshot fails after its cut, when {@code resources.db} is copied.
   */
  @Test
  void aSnapshotTheDiskHasNoRoomForIs507LeavesNothingAndWritesGoOn() throws Exception {
    Path data = dir.resolve("data");
    Path snapshots = data.resolve("snapshots");
    Files.createDirectories(snapshots);
    List<String> tinyDisk = List.of(unshare(), "--user", "--map-root-user", "--mount", "sh", "-c",
        "mount -t tmpfs -o size=192k tmpfs \"$0\" && exec \"$@\"", snapshots.toString());
    try (ServerProcess server = ServerProcess.startWithin(tinyDisk, data, "--port", "0", "--token", TOKEN);
        AppOptics api = AppOptics.builder().token(TOKEN).baseUri(server.baseUri()).build()) {
      String name = "x".repeat(1000);
      for (int i = 0; i < 300; i++) {
        api.createSpace(name + i);
      }

      CliRun full = cli(server.baseUri(), TOKEN, "server", "snapshot", "create");

      assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCodes.FAILURE);
      assertThat(full.err()).startsWith("error: 507 Insufficient Storage from POST /admin/snapshots: cannot take a"
          + " snapshot in " + snapshots).contains("resources.db").contains("nothing of it was kept")
          .contains("free space");
      try (Stream<Path> left = Files.list(Path.of("/proc", Long.toString(server.pid()), "root")
          .resolve(snapshots.toAbsolutePath().toString().substring(1)))) {
        assertThat(left).as("what the server sees in its snapshots directory").isEmpty();
      }
      long before = System.nanoTime();
      api.submit(Measurement.builder("after.failure").value(1).tag("host", "a").build());
      // writes held at the cut and never let go would wait for the hold's 30 s limit
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
      api.listSpaces().map(Space::id).toList().forEach(api::deleteSpace);
      CliRun fits = cli(server.baseUri(), TOKEN, "server", "snapshot", "create");
      assertThat(fits.exitCode()).as(fits.toString()).isZero();
      assertThat(server.terminate()).isZero();
    }
  }

  /** The {@code unshare} command (Debian package util-linux); the test fails, naming it, when it is missing. */
  private static String unshare() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "unshare"))) {
        return Path.of(dir, "unshare").toString();
      }
    }
    throw new AssertionError("unshare is missing: install the Debian package util-linux");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

}
