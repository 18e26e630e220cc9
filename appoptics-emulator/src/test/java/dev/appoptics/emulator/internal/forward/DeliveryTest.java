package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How forwarding treats a receiver's answers, against a receiver on a real socket. */
class DeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static List<RemoteWriteReader.TimeSeries> received(TestReceiver receiver) throws Exception {
    List<RemoteWriteReader.TimeSeries> out = new ArrayList<>();
    for (TestReceiver.Request r : receiver.accepted()) {
      out.addAll(RemoteWriteReader.readSnappy(r.body()).series());
    }
    return out;
  }

  @Test
  void sendsRemoteWriteHeadersAndTheSnappyBlockFormat() throws Exception {
    try (TestReceiver receiver = new TestReceiver();
        ForwarderHarness harness = ForwarderHarness.prometheus(receiver.uri("/api/v1/write"))) {
      harness.accept(Measurements.value("a", Map.of("h", "1"), 100, 1.5));

      await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
      TestReceiver.Request r = receiver.accepted().get(0);
      assertThat(r.header("Content-Encoding")).isEqualTo("snappy");
      assertThat(r.header("Content-Type")).isEqualTo("application/x-protobuf");
      assertThat(r.header("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
      assertThat(received(receiver)).singleElement().satisfies(ts ->
          assertThat(ts.samples()).containsExactly(new RemoteWriteReader.Sample(1.5, 100_000)));
      assertThat(harness.figure("sent_samples_total", "prometheus")).isEqualTo(1);
    }
  }

  @Test
  void retriesNoAnswer429And5xxUntilTheReceiverTakesIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (TestReceiver receiver = new TestReceiver().answer(r -> switch (calls.incrementAndGet()) {
          case 1 -> TestReceiver.Answer.of(503);
          case 2 -> new TestReceiver.Answer(429, Map.of("Retry-After", "0"), new byte[0]);
          case 3 -> TestReceiver.Answer.of(500);
          default -> TestReceiver.Answer.of(204);
        });
        ForwarderHarness harness = ForwarderHarness.prometheus(receiver.uri("/api/v1/write"))) {
      harness.accept(Measurements.value("a", Map.of("h", "1"), 100, 1));

      await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
      assertThat(calls.get()).isEqualTo(4);
      assertThat(harness.figure("retried_requests_total", "prometheus")).isEqualTo(3);
      assertThat(harness.figure("refused_samples_total", "prometheus")).isZero();
    }
  }

  @Test
  void catchesUpInOrderWhenAReceiverThatWasDownStarts() throws Exception {
    int port;
    try (TestReceiver probe = new TestReceiver()) {
      port = probe.port(); // a port nobody listens on once the probe is closed
    }
    java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/write");
    try (ForwarderHarness harness = ForwarderHarness.prometheus(uri)) {
      for (int i = 0; i < 50; i++) {
        harness.accept(Measurements.value("a", Map.of("h", "1"), 1000 + i, i));
      }
      await().atMost(WAIT).until(() -> harness.figure("retried_requests_total", "prometheus") >= 2);
      assertThat(harness.figure("queued_records", "prometheus")).isEqualTo(50);
      assertThat(harness.figure("lag_seconds", "prometheus")).isGreaterThanOrEqualTo(0);

      try (TestReceiver receiver = new TestReceiver(port)) {
        await().atMost(WAIT).until(() -> harness.figure("queued_records", "prometheus") == 0);
        List<RemoteWriteReader.Sample> samples = new ArrayList<>();
        received(receiver).forEach(ts -> samples.addAll(ts.samples()));
        assertThat(samples).hasSize(50);
        assertThat(samples).isSortedAccordingTo((x, y) -> Long.compare(x.millis(), y.millis()));
        assertThat(harness.figure("sent_samples_total", "prometheus")).isEqualTo(50);
        assertThat(harness.figure("lag_seconds", "prometheus")).isZero();
      }
    }
  }

  @Test
  void whatADiskQueueHeldWhenTheServerStoppedIsDeliveredAfterItStartsAgain(@TempDir Path dir) throws Exception {
    int port;
    try (TestReceiver probe = new TestReceiver()) {
      port = probe.port();
    }
    ForwardSettings settings = ForwardSettings.NONE
        .withPrometheus(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/write")).withQueue(dir, 0);
    try (ForwarderHarness down = new ForwarderHarness(settings)) {
      for (int i = 0; i < 20; i++) {
        down.accept(Measurements.value("kept", Map.of("h", "1"), 500 + i, i));
      }
      await().atMost(WAIT).until(() -> down.figure("retried_requests_total", "prometheus") >= 1);
    }

    try (TestReceiver receiver = new TestReceiver(port);
        ForwarderHarness again = new ForwarderHarness(settings)) {
      await().atMost(WAIT).until(() -> again.figure("queued_records", "prometheus") == 0);
      List<RemoteWriteReader.Sample> samples = new ArrayList<>();
      received(receiver).forEach(ts -> samples.addAll(ts.samples()));
      assertThat(samples).extracting(RemoteWriteReader.Sample::value)
          .containsExactly(0d, 1d, 2d, 3d, 4d, 5d, 6d, 7d, 8d, 9d, 10d, 11d, 12d, 13d, 14d, 15d, 16d, 17d, 18d, 19d);
    }
  }

  @Test
  void aRefusedSampleIsIsolatedByHalvingCountedAndNeverRetried() throws Exception {
    // like Prometheus with an out-of-order sample: the whole request is refused with 400
    try (TestReceiver receiver = new TestReceiver().answer(r -> {
          try {
            boolean bad = RemoteWriteReader.readSnappy(r.body()).series().stream()
                .anyMatch(ts -> ts.labels().get("h").equals("bad"));
            return TestReceiver.Answer.of(bad ? 400 : 204);
          } catch (Exception e) {
            return TestReceiver.Answer.of(500);
          }
        });
        ForwarderHarness harness = ForwarderHarness.prometheus(receiver.uri("/api/v1/write"))) {
      var batch = new ArrayList<dev.appoptics.emulator.internal.store.ParsedMeasurement>();
      for (int i = 0; i < 7; i++) {
        batch.add(Measurements.value("m", Map.of("h", "ok" + i), 100, i));
      }
      batch.add(3, Measurements.value("m", Map.of("h", "bad"), 100, -1));
      harness.accept(batch.toArray(new dev.appoptics.emulator.internal.store.ParsedMeasurement[0]));

      await().atMost(WAIT).until(() -> harness.figure("queued_records", "prometheus") == 0);
      assertThat(received(receiver)).extracting(ts -> ts.labels().get("h"))
          .containsExactlyInAnyOrder("ok0", "ok1", "ok2", "ok3", "ok4", "ok5", "ok6");
      assertThat(harness.figure("refused_samples_total", "prometheus")).isEqualTo(1);
      assertThat(harness.figure("sent_samples_total", "prometheus")).isEqualTo(7);
      assertThat(harness.figure("retried_requests_total", "prometheus")).isZero();
    }
  }

  @Test
  void anotherClientErrorRefusesTheWholeRequestOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (TestReceiver receiver = new TestReceiver().answer(r -> {
          calls.incrementAndGet();
          return TestReceiver.Answer.of(401);
        });
        ForwarderHarness harness = ForwarderHarness.prometheus(receiver.uri("/api/v1/write"))) {
      harness.accept(Measurements.value("a", Map.of("h", "1"), 100, 1), Measurements.value("a", Map.of("h", "2"),
          100, 2));

      await().atMost(WAIT).until(() -> harness.figure("refused_samples_total", "prometheus") == 2);
      assertThat(calls.get()).isEqualTo(1);
      assertThat(harness.figure("queued_records", "prometheus")).isZero();
    }
  }
}
