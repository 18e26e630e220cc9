package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsCommandsWithExamples() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: appoptics").contains("Examples:").contains("--json");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void unknownCommandIsOneLineUsageErrorWithExitTwo() {
    CliRun run = CliRun.run("frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: Unmatched argument at index 0: 'frobnicate'").contains("--help");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("error: a command is required");
  }
}
