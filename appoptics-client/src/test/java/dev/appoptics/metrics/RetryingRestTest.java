package dev.appoptics.metrics;

import static dev.appoptics.metrics.ReliabilityFixture.FAST;
import static dev.appoptics.metrics.ReliabilityFixture.assertExactlyOnce;
import static dev.appoptics.metrics.ReliabilityFixture.connect;
import static dev.appoptics.metrics.ReliabilityFixture.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.Faults;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries of the synchronous API, counted at the emulator. */
class RetryingRestTest {
  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOpticsEmulator emulator = EMULATOR.emulator();
  private final AppOptics api = EMULATOR.connect(b -> b.token(ReliabilityFixture.TOKEN).retryPolicy(FAST));

  @Test
  void measurementsAreRetriedThrough5xx429AndDrops() {
    emulator.setFaults(Faults.builder().dropNext(1).failNext(1, 502).rateLimitNext(1, 0).build());
    api.submit(IntStream.range(0, 10).mapToObj(ReliabilityFixture::point).toList());
    assertThat(emulator.stats().requests()).isEqualTo(4);
    assertExactlyOnce(emulator, api, 10);
  }

  @Test
  void otherClientErrorsAreNeverRetried() {
    emulator.setFaults(Faults.builder().failNext(1, 400).build());
    assertThatThrownBy(() -> api.submit(point(0))).isInstanceOf(BadRequestException.class);
    assertThat(emulator.stats().requests()).isEqualTo(1);
  }

  @Test
  void givingUpThrowsTheLastFailureWithTheEarlierOnesSuppressed() {
    emulator.setFaults(Faults.builder().failNext(100, 503).build());
    try (AppOptics three = connect(emulator.baseUri(), FAST.toBuilder().maxAttempts(3).build())) {
      assertThatThrownBy(() -> three.submit(point(0)))
          .isInstanceOf(ServerErrorException.class)
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }
    assertThat(emulator.stats().requests()).isEqualTo(3);
  }

  @Test
  void createsAreNotRetriedOnceTheyReachedTheServer() {
    emulator.setFaults(Faults.builder().failNext(1, 503).build());
    var body = JsonNodeFactory.instance.objectNode().put("title", "deploy");
    assertThatThrownBy(() -> api.rest().post("annotations/deploys", body)).isInstanceOf(ServerErrorException.class);
    assertThat(emulator.stats().requests()).isEqualTo(1);
  }

  @Test
  void readsAreRetriedAfterADroppedConnection() {
    api.submit(point(0));
    emulator.setFaults(Faults.builder().dropNext(2).build());
    assertThat(ReliabilityFixture.stored(api)).containsEntry(0, 1L);
  }

  @Test
  void atMostOnceDoesNotResendABatchThatTimedOutAfterBeingWritten() {
    emulator.setFaults(Faults.builder().latency(1.0, Duration.ofMillis(600)).build());
    RetryPolicy atMostOnce = FAST.toBuilder().delivery(RetryPolicy.Delivery.AT_MOST_ONCE).build();
    try (AppOptics slow = AppOptics.builder().token(ReliabilityFixture.TOKEN).baseUri(emulator.baseUri())
        .retryPolicy(atMostOnce).timeout(Duration.ofMillis(150)).build()) {
      assertThatThrownBy(() -> slow.submit(point(0))).isInstanceOf(RequestTimeoutException.class);
    }
    assertThat(emulator.stats().requests()).isEqualTo(1);
  }

  @Test
  void aBodyIsCompressedOnceAndLabelledOnEveryAttempt() {
    try (AppOptics gzip = AppOptics.builder().token(ReliabilityFixture.TOKEN).baseUri(emulator.baseUri())
        .gzipThreshold(0).retryPolicy(FAST).build()) {
      byte[] json = "{\"measurements\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] wire = gzip.rest().wireBody(json);
      assertThat(wire).startsWith((byte) 0x1f, (byte) 0x8b);
      assertThat(gzip.rest().wireBody(wire)).isSameAs(wire);

      emulator.setFaults(Faults.builder().failNext(1, 503).build());
      try (Reporter reporter = Reporter.builder(gzip).build()) {
        reporter.add(point(0));
        reporter.add(point(1));
      }
    }
    assertThat(emulator.stats().requests()).isEqualTo(2);
    assertExactlyOnce(emulator, api, 2);
  }

  @Test
  void gzipBodiesAreAcceptedByTheEmulator() {
    try (AppOptics gzip = AppOptics.builder().token(ReliabilityFixture.TOKEN).baseUri(emulator.baseUri())
        .gzipThreshold(0).build()) {
      gzip.submit(List.of(point(0), point(1)));
    }
    assertExactlyOnce(emulator, api, 2);
  }
}
