package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Measurement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code measurements get} on a range the service answers in several pages prints every point. */
class MeasurementsPagingCommandTest {
  private static final String TOKEN = "cli-paging-token";
  private static AppOpticsEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AppOpticsEmulator.builder().tokens(TOKEN).maxPointsPerAnswer(5).start();
    long now = Instant.now().getEpochSecond();
    long minute = now - now % 60;
    List<Measurement> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(Measurement.builder("cli.paged").value(i).tag("host", "a").time(minute - 60L * i).build());
    }
    try (AppOptics client = AppOptics.builder().token(TOKEN).baseUri(emulator.baseUri()).build()) {
      client.submit(batch);
    }
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void printsEveryPointOfAPagedRange() {
    CliRun run = CliRun.withInput("", Map.of(), "measurements", "get", "cli.paged", "--duration", "15m",
        "--resolution", "60", "--csv", "--endpoint", emulator.baseUri().toString(), "--token", TOKEN);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).first().isEqualTo("time,host,value");
    assertThat(run.out().lines().skip(1)).hasSize(12);
    assertThat(run.out()).contains(",a,0\r\n").contains(",a,11\r\n");
  }
}
