package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmulatorCommandTest {
  private static final Pattern FIRST_LINE = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/v1/)\n.*", Pattern.DOTALL);

  @Test
  void runsInTheForegroundAnnouncesItsAddressFirstAndStopsCleanly() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server =
        new Thread(
            () -> exit.set(Main.run(
                new String[] {"emulator", "--port", "0", "--token", "secret", "--unique-space-names"},
                new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of())));
    server.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!out.toString().contains("press Ctrl-C") && server.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }

    Matcher first = FIRST_LINE.matcher(out.toString());
    assertThat(first.matches()).as(out + "\n" + err).isTrue();
    String endpoint = first.group(1);
    CliRun submit = CliRun.run("submit", "via.emulator.command", "1", "--tag", "k=v", "--endpoint", endpoint, "--token", "secret");
    CliRun refused = CliRun.run("metrics", "list", "--endpoint", endpoint, "--token", "other");
    CliRun space = CliRun.run("spaces", "create", "only one", "--endpoint", endpoint, "--token", "secret");
    CliRun sameName = CliRun.run("spaces", "create", "only one", "--endpoint", endpoint, "--token", "secret");
    server.interrupt();
    server.join(30_000);

    assertThat(submit.exitCode()).as(submit.toString()).isZero();
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err()).startsWith("error: 401 Unauthorized");
    assertThat(space.exitCode()).as(space.toString()).isZero();
    assertThat(sameName.err()).as("--unique-space-names").startsWith("error: 422 Already Exists");
    assertThat(server.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThat(out.toString()).contains("accepting tokens: secret").endsWith("stopped\n")
        .contains("console at " + endpoint.replace("/v1/", "/") + "\n");
  }

  @Test
  void idleAndHeaderTimeoutsAreOptions() throws Exception {
    StringWriter out = new StringWriter();
    Thread server = new Thread(() -> Main.run(
        new String[] {"emulator", "--port", "0", "--idle-timeout", "1s", "--header-timeout", "2s"},
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        new ByteArrayInputStream(new byte[0]), Map.of()));
    server.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!out.toString().contains("press Ctrl-C") && server.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    Matcher first = FIRST_LINE.matcher(out.toString());
    assertThat(first.matches()).as(out.toString()).isTrue();
    java.net.URI endpoint = java.net.URI.create(first.group(1));
    try (java.net.Socket silent = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
      silent.setSoTimeout(10_000);

      assertThat(silent.getInputStream().read()).as("closed by the 1 s idle timeout").isEqualTo(-1);
    } finally {
      server.interrupt();
      server.join(30_000);
    }
    CliRun bad = CliRun.run("emulator", "--port", "0", "--header-timeout", "soon");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("soon");
  }

  @Test
  void alertIntervalTakesADurationOrZero() {
    assertThat(EmulatorCommand.alertInterval("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(EmulatorCommand.alertInterval("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(EmulatorCommand.alertInterval("0")).isZero();

    CliRun bad = CliRun.run("emulator", "--port", "0", "--alert-interval", "soon");

    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).startsWith("error: --alert-interval 'soon' is not a duration");
  }

  @Test
  void busyPortIsAOneLineFailure() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.run("emulator", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}
