package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.AppOpticsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void demoWalksThroughEveryStepAndEndsWithAChart() {
    CliRun run = CliRun.run("demo");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    for (int step = 1; step <= DemoSteps.COUNT; step++) {
      assertThat(run.out()).contains("[" + step + "/" + DemoSteps.COUNT + "]");
    }
    assertThat(run.out())
        .contains("listening on http://127.0.0.1:")
        .contains("Submit 480 tagged measurements through a queue")
        .contains("POINTS @60S  POINTS @300S")
        .contains("web4 (eu-west)")
        .contains("alert #")
        .contains("Deployed web v2.4.1")
        .contains("└" + "─".repeat(60))
        .contains("Done: every step worked.");
  }

  @Test
  void demoWithJsonPrintsOneDocumentOfSteps() throws Exception {
    CliRun run = CliRun.run("demo", "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = Json.parse(run.out());
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("steps")).hasSize(DemoSteps.COUNT);
    assertThat(json.get("steps").get(2).get("title").asText()).startsWith("Submit 480");
    assertThat(json.get("steps").get(DemoSteps.COUNT - 1).get("output").toString()).contains("UTC");
  }

  @Test
  void demoFailsWithNonZeroExitWhenAStepFails() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.run("demo", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err()).startsWith("error: the emulator did not start").contains("try another --port");
      assertThat(run.out()).doesNotContain("Done");
    }
  }

  @Test
  void aFailingApiCallStopsTheDemoWithAFailure() {
    try (AppOpticsEmulator emulator =
            AppOpticsEmulator.builder().tokens("the-right-one").start();
        AppOptics client = AppOptics.builder().token("a-wrong-one").baseUri(emulator.baseUri()).build()) {
      StringWriter out = new StringWriter();
      DemoSteps steps = new DemoSteps(client, emulator, new DemoPrinter(new PrintWriter(out), 10, false), 1_700_000_000L);

      Throwable thrown = catchThrowable(steps::run);

      assertThat(thrown).isInstanceOf(AppOpticsException.class);
      assertThat(Failure.of(thrown).exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(Failure.of(thrown).message()).startsWith("401 Unauthorized from POST /v1/measurements");
    }
  }
}
