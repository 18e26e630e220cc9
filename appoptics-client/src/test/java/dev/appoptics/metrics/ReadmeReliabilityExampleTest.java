package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of README.md's reliability section, run against the emulator (only the base URI is added). */
class ReadmeReliabilityExampleTest {
  @TempDir Path spoolDirectory;

  @Test
  void readmeExampleRuns() {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.start()) {
      String token = "readme-token";
      ReporterStats seen;
      // ---- as in README.md, plus .baseUri(...) ----
      try (AppOptics api = AppOptics.builder()
              .token(token)
              .baseUri(emulator.baseUri())
              .retryPolicy(RetryPolicy.builder().maxAttempts(6).totalDeadline(Duration.ofSeconds(30)).build())
              .build();
          Reporter reporter = Reporter.builder(api)
              .tags(Map.of("service", "checkout"))
              .overflowPolicy(OverflowPolicy.DROP)
              .spool(spoolDirectory)
              .build()) {
        reporter.add("orders.placed", 1, Map.of("region", "eu"));
        reporter.flush();
        ReporterStats stats = reporter.stats(); // accepted, sent, failed, spooled, possible duplicates, …
        // ---- end of the README example ----
        seen = stats;
      }
      assertThat(seen.accepted()).isEqualTo(1);
      assertThat(seen.sent()).isEqualTo(1);
      assertThat(emulator.stats().measurementsAccepted()).isEqualTo(1);
    }
  }
}
