package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.QueueFullPolicy;
import dev.appoptics.emulator.internal.http.ApiError;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What happens when the receiver stays away longer than the queue holds. */
class QueueFullTest {
  /** A receiver URL nobody answers on. */
  private static URI nowhere() {
    try (TestReceiver probe = new TestReceiver()) {
      return probe.uri("/api/v1/write");
    }
  }

  @Test
  void refusePolicyAnswers503WithRetryAfterAndStoresNothing() throws Exception {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().forwardPrometheus(nowhere())
        .forwardQueue(null, 1).start()) {
      long t = Instant.now().getEpochSecond();
      String body = "{\"measurements\":[{\"name\":\"a\",\"value\":1,\"time\":" + t + ",\"tags\":{\"h\":\"1\"}}]}";

      assertThat(OtlpForwardingTest.post(emulator.baseUri(), body)).isEqualTo(202); // fills the 1-byte queue
      assertThat(OtlpForwardingTest.post(emulator.baseUri(), body)).isEqualTo(503);
      assertThat(emulator.stats().measurementsAccepted()).isEqualTo(1);
    }
  }

  @Test
  void refusePolicyNamesTheDestinationAndAsksToRetryLater() {
    try (ForwarderHarness harness = new ForwarderHarness(ForwardSettings.NONE.withPrometheus(nowhere())
        .withQueue(null, 1))) {
      harness.accept(Measurements.value("a", Map.of("h", "1"), 100, 1));

      assertThatThrownBy(() -> harness.accept(Measurements.value("a", Map.of("h", "1"), 101, 1)))
          .isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.toResponse(0).headers()).containsEntry("Retry-After", "5");
            assertThat(e.getMessage()).contains("Forwarding to prometheus is behind");
          });
      assertThat(harness.figure("refused_writes_total", "prometheus")).isEqualTo(1);
    }
  }

  @Test
  void dropOldestKeepsAcceptingAndCountsWhatItDropped() {
    try (ForwarderHarness harness = new ForwarderHarness(ForwardSettings.NONE.withPrometheus(nowhere())
        .withQueue(null, 1).withPolicy(QueueFullPolicy.DROP_OLDEST, false))) {
      for (int i = 0; i < 5; i++) {
        harness.accept(Measurements.value("a", Map.of("h", "1"), 100 + i, i), Measurements.value("b", Map.of("h",
            "1"), 100 + i, i));
      }

      assertThat(harness.figure("dropped_measurements_total", "prometheus")).isEqualTo(10);
      assertThat(harness.figure("queued_records", "prometheus")).isZero();
    }
  }
}
