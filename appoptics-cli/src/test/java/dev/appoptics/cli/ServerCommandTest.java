package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'appoptics server' refuses before it starts anything (in-process: nothing listens, nothing blocks). */
class ServerCommandTest {
  @TempDir Path dir;

  /** {@code appoptics server --data-dir DIR/data ARGS}, in-process. */
  private CliRun server(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "server";
    all[1] = "--data-dir";
    all[2] = dir.resolve("data").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(all);
  }

  @Test
  void refusesToListenBeyondLoopbackWithNoTokenWithExitCode2() {
    CliRun run = server("--port", "0", "--bind", "0.0.0.0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: refusing to listen on 0.0.0.0 with no token")
        .contains("--token").contains("--tokens-file").contains("--insecure");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingTokensFileIsExitCode2NamingIt() {
    Path missing = dir.resolve("no-such-tokens");

    CliRun run = server("--port", "0", "--tokens-file", missing.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: cannot read the tokens file " + missing);
  }

  @Test
  void aTokensFileLineWithSpacesInsideIsExitCode2NamingTheLine() throws Exception {
    Path file = Files.writeString(dir.resolve("tokens"), "# ok\ngood-token\nbad token here\n");

    CliRun run = server("--port", "0", "--tokens-file", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("line 3").contains("bad token here");
  }

  @Test
  void aBadDurationNamesTheOption() {
    CliRun grace = server("--port", "0", "--shutdown-grace", "soon");
    CliRun headers = server("--port", "0", "--header-timeout", "later");
    CliRun delay = server("--port", "0", "--shutdown-delay", "-1s");

    assertThat(grace.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(grace.err()).startsWith("error: --shutdown-grace: 'soon' is not a duration");
    assertThat(headers.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(headers.err()).startsWith("error: --header-timeout: 'later' is not a duration");
    assertThat(delay.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(delay.err()).startsWith("error: --shutdown-delay: '-1s' is not a duration");
  }

  @Test
  void aBadForwardingOptionIsExitCode2() {
    CliRun run = server("--port", "0", "--token", "t", "--forward-prometheus", "http://127.0.0.1:9/api/v1/write",
        "--forward-when-full", "sometimes");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("sometimes");
  }

  @Test
  void aPortOutOfRangeIsExitCode2() {
    CliRun run = server("--port", "70000", "--token", "t");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("port must be 0..65535, got 70000");
  }

  @Test
  void theDataDirectoryIsRequired() {
    CliRun run = CliRun.run("server", "--port", "0", "--token", "t");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: Missing required option: '--data-dir=DIR'");
  }

  @Test
  void aBadSyncPolicyOrRetentionNamesTheOption() {
    CliRun sync = server("--sync", "often");
    CliRun retention = server("--retention", "raw=1d,1h=1h");

    assertThat(sync.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(sync.err()).startsWith("error: --sync: ").contains("'often'");
    assertThat(retention.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(retention.err()).startsWith("error: --retention: ").contains("1h");
  }

  @Test
  void helpListsTheOperatorsOptions() {
    CliRun run = CliRun.run("server", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--tokens-file").contains("--insecure").contains("--shutdown-grace").contains("--shutdown-delay")
        .contains("--request-log").contains("--data-dir").contains("--sync").contains("--retention")
        .contains("SIGTERM").contains("docs/server.md").contains("snapshot");
  }
}
