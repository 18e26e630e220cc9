package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs bin/appoptics as a real process, as a newcomer would, once the package phase has built the jar. */
class LauncherIT {
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();

  private record Result(int exitCode, String out, String err) {}

  private static Result launch(String... args) throws IOException, InterruptedException {
    Path launcher = REPO.resolve("bin/appoptics");
    assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
    assertThat(REPO.resolve("appoptics-cli/target/appoptics.jar")).exists();
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("appoptics-out", ".txt");
    Path err = Files.createTempFile("appoptics-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command).directory(REPO.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
              .start();
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
      return new Result(
          process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void helpRunsThroughTheLauncher() throws Exception {
    Result result = launch("--help");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Usage: appoptics").contains("demo").contains("Examples:");
  }

  @Test
  void demoRunsThroughTheLauncherWithCleanOutput() throws Exception {
    Result result = launch("demo");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("AppOptics for Java").contains("[10/10]").contains("Done: every step worked.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void serverStartsThroughTheLauncherAndStopsWithExitCodeZeroOnSigterm() throws Exception {
    Path data = Files.createTempDirectory("appoptics-launcher-server");
    Path out = Files.createTempFile("appoptics-out", ".txt");
    Process server = new ProcessBuilder(REPO.resolve("bin/appoptics").toString(), "server", "--data-dir",
        data.toString(), "--port", "0", "--token", "t").directory(REPO.toFile()).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String first = "";
      for (int i = 0; i < 600 && !first.contains("stop"); i++) {
        Thread.sleep(100);
        first = Files.readString(out, StandardCharsets.UTF_8);
      }
      assertThat(first).startsWith("listening on http://127.0.0.1:");

      server.destroy();

      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isZero();
      assertThat(Files.readString(out, StandardCharsets.UTF_8)).endsWith("stopped\n");
    } finally {
      server.destroyForcibly();
      Files.deleteIfExists(out);
      try (java.util.stream.Stream<Path> files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void serverRefusesToListenBeyondLoopbackWithoutATokenWithUsageCode() throws Exception {
    Result result = launch("server", "--data-dir", "unused", "--bind", "0.0.0.0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: refusing to listen on 0.0.0.0 with no token");
  }

  @Test
  void badCommandExitsWithUsageCode() throws Exception {
    Result result = launch("submit");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: Missing required parameter");
  }
}
