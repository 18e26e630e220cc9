package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'appoptics server' refuses before it starts anything (in-process: nothing listens, nothing blocks). */
class ServerCommandTest {
  @TempDir Path dir;

  @Test
  void refusesToListenBeyondLoopbackWithNoTokenWithExitCode2() {
    CliRun run = CliRun.run("server", "--data-dir", dir.resolve("data").toString(), "--port", "0", "--bind", "0.0.0.0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: refusing to listen on 0.0.0.0 with no token")
        .contains("--token").contains("--tokens-file").contains("--insecure");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingTokensFileIsExitCode2NamingIt() {
    Path missing = dir.resolve("no-such-tokens");

    CliRun run = CliRun.run("server", "--data-dir", dir.resolve("data").toString(), "--port", "0", "--tokens-file", missing.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: cannot read the tokens file " + missing);
  }

  @Test
  void aTokensFileLineWithSpacesInsideIsExitCode2NamingTheLine() throws Exception {
    Path file = Files.writeString(dir.resolve("tokens"), "# ok\ngood-token\nbad token here\n");

    CliRun run = CliRun.run("server", "--data-dir", dir.resolve("data").toString(), "--port", "0", "--tokens-file", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("line 3").contains("bad token here");
  }

  @Test
  void aBadDurationNamesTheOption() {
    CliRun run = CliRun.run("server", "--data-dir", dir.resolve("data").toString(), "--port", "0", "--shutdown-grace", "soon");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: --shutdown-grace: 'soon' is not a duration");
  }

  @Test
  void theDataDirectoryIsRequired() {
    CliRun run = CliRun.run("server", "--port", "0", "--token", "t");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: Missing required option: '--data-dir=DIR'");
  }

  @Test
  void aBadSyncPolicyOrRetentionNamesTheOption() {
    String data = dir.resolve("data").toString();
    CliRun sync = CliRun.run("server", "--data-dir", data, "--sync", "often");
    CliRun retention = CliRun.run("server", "--data-dir", data, "--retention", "raw=1d,1h=1h");

    assertThat(sync.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(sync.err()).startsWith("error: --sync: ").contains("'often'");
    assertThat(retention.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(retention.err()).startsWith("error: --retention: ").contains("1h");
  }

  @Test
  void helpListsTheOperatorsOptions() {
    CliRun run = CliRun.run("server", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--tokens-file").contains("--insecure").contains("--shutdown-grace")
        .contains("--request-log").contains("--data-dir").contains("--sync").contains("--retention").contains("SIGTERM").contains("docs/server.md");
  }
}
