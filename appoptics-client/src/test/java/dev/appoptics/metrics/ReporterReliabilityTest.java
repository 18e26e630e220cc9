package dev.appoptics.metrics;

import static dev.appoptics.metrics.ReliabilityFixture.FAST;
import static dev.appoptics.metrics.ReliabilityFixture.assertExactlyOnce;
import static dev.appoptics.metrics.ReliabilityFixture.connect;
import static dev.appoptics.metrics.ReliabilityFixture.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.Faults;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The reporter against the emulator's fault injection: nothing lost, nothing doubled when refused outright. */
class ReporterReliabilityTest {
  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOpticsEmulator emulator = EMULATOR.emulator();
  private final AppOptics api = EMULATOR.connect(b -> b.token(ReliabilityFixture.TOKEN).retryPolicy(FAST));

  @TempDir Path spoolDir;

  private static Reporter.Builder reporter(AppOptics connection) {
    return Reporter.builder(connection).batchSize(100).flushInterval(Duration.ofMillis(50));
  }

  private static void send(Reporter reporter, int n) throws InterruptedException {
    List<Thread> producers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t;
      producers.add(new Thread(() -> {
        for (int i = first; i < n; i += 4) {
          assertThat(reporter.add(point(i))).isTrue();
        }
      }));
    }
    producers.forEach(Thread::start);
    for (Thread p : producers) {
      p.join();
    }
  }

  @Test
  void burstsOf5xxAreRetriedAndStoredOnce() throws Exception {
    emulator.setFaults(Faults.builder().failNext(5, 503).build());
    Reporter reporter = reporter(api).build();
    send(reporter, 1000);
    reporter.close();
    ReporterStats s = reporter.stats();
    assertThat(s.accepted()).isEqualTo(1000);
    assertThat(s.sent()).isEqualTo(1000);
    assertThat(s.retried()).isEqualTo(5);
    assertThat(s.failedRequests()).isZero();
    assertThat(s.buffered()).isZero();
    assertExactlyOnce(emulator, api, 1000);
  }

  @Test
  void onAcknowledgedIsToldExactlyTheBatchesTheApiAccepted() throws Exception {
    emulator.setFaults(Faults.builder().failNext(1, 400).build());
    Set<Integer> told = ConcurrentHashMap.newKeySet();
    Reporter reporter = reporter(api)
        .onAcknowledged(batch -> batch.forEach(m -> told.add(Integer.valueOf(m.tags().get("i")))))
        .build();
    send(reporter, 1000);
    reporter.close();

    assertThat(reporter.stats().failed()).as("the refused batch").isEqualTo(100);
    assertThat(told).hasSize(900);
    assertThat(ReliabilityFixture.stored(api).keySet()).isEqualTo(new TreeSet<>(told));
  }

  @Test
  void onAcknowledgedCannotBeToldUnderSpoolFirst() {
    Reporter.Builder b = reporter(api).spool(spoolDir).spoolFirst(true).onAcknowledged(batch -> {});

    assertThatThrownBy(b::build).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("onAcknowledged").hasMessageContaining("spoolFirst");
  }

  @Test
  void rateLimitsWithRetryAfterAreWaitedOutAndStoredOnce() throws Exception {
    emulator.setFaults(Faults.builder().rateLimitNext(3, 0).build());
    Reporter reporter = reporter(api).build();
    send(reporter, 1000);
    reporter.close();
    assertThat(reporter.stats().retried()).isEqualTo(3);
    assertThat(reporter.stats().sent()).isEqualTo(1000);
    assertExactlyOnce(emulator, api, 1000);
  }

  @Test
  void droppedConnectionsAreRetried() throws Exception {
    emulator.setFaults(Faults.builder().dropNext(3).build());
    Reporter reporter = reporter(api).build();
    send(reporter, 1000);
    reporter.close();
    assertThat(reporter.stats().retried()).isEqualTo(3);
    // a dropped connection is an unanswered attempt: the client cannot know the batch was not stored
    assertThat(reporter.stats().possibleDuplicates()).isEqualTo(3);
    // the emulator drops before reading the batch, so re-sending it cannot double it
    assertExactlyOnce(emulator, api, 1000);
  }

  @Test
  void aSeededMixOfErrorsDropsAndLatencyLosesNothing() throws Exception {
    emulator.setFaults(Faults.builder().errors(0.2, 500).drops(0.1).latency(0.2, Duration.ofMillis(5)).seed(11)
        .build());
    RetryPolicy patient = FAST.toBuilder().maxAttempts(30).build();
    try (AppOptics connection = connect(emulator.baseUri(), patient)) {
      Reporter reporter = reporter(connection).build();
      send(reporter, 3000);
      reporter.close();
      assertThat(reporter.stats().sent()).isEqualTo(3000);
      assertThat(reporter.stats().retried()).isPositive();
      emulator.setFaults(Faults.none());
      assertExactlyOnce(emulator, api, 3000);
    }
  }

  @Test
  void batchesThatKeepFailingAreSpooledAndReplayedByTheNextReporter() throws Exception {
    emulator.setFaults(Faults.builder().failNext(1_000_000, 503).build());
    RetryPolicy twice = FAST.toBuilder().maxAttempts(2).build();
    try (AppOptics connection = connect(emulator.baseUri(), twice)) {
      Reporter first = reporter(connection).spool(spoolDir).build();
      send(first, 1000);
      first.close();
      assertThat(first.stats().spooled()).isEqualTo(1000);
      assertThat(first.stats().failedRequests()).isEqualTo(10);
      assertThat(first.stats().sent()).isZero();
      assertThat(emulator.stats().measurementsAccepted()).isZero();

      emulator.setFaults(Faults.none());
      Reporter second = reporter(connection).spool(spoolDir).build(); // "after a restart"
      second.close();
      assertThat(second.stats().sent()).isEqualTo(1000);
      assertThat(Files.list(spoolDir)).isEmpty();
      assertExactlyOnce(emulator, api, 1000);
    }
  }

  @Test
  void refusedConnectionsAreSpooledUntilTheServiceIsUp() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI down = URI.create("http://127.0.0.1:" + port + "/v1/");
    try (AppOptics connection = connect(down, FAST.toBuilder().maxAttempts(2).build())) {
      Reporter reporter = reporter(connection).spool(spoolDir).build();
      send(reporter, 500);
      reporter.close();
      assertThat(reporter.stats().spooled()).isEqualTo(500);
    }
    try (AppOpticsEmulator late = AppOpticsEmulator.builder().port(port).start();
        AppOptics connection = connect(late.baseUri(), FAST)) {
      Reporter reporter = reporter(connection).spool(spoolDir).build();
      reporter.add(point(500));
      reporter.close();
      assertThat(reporter.stats().sent()).isEqualTo(501);
      assertExactlyOnce(late, connection, 501);
    }
  }

  @Test
  void dropPolicyNeverBlocksAndCountsEveryDrop() throws Exception {
    emulator.setFaults(Faults.builder().latency(1.0, Duration.ofMillis(20)).build());
    Reporter reporter = reporter(api).bufferCapacity(10).maxInFlight(1).overflowPolicy(OverflowPolicy.DROP).build();
    int accepted = 0;
    for (int i = 0; i < 5000; i++) {
      accepted += reporter.add(point(i)) ? 1 : 0;
    }
    reporter.close();
    ReporterStats s = reporter.stats();
    assertThat(s.dropped()).isPositive().isEqualTo(5000 - accepted);
    assertThat(s.accepted()).isEqualTo(accepted);
    assertThat(s.sent()).isEqualTo(accepted);
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(accepted);
  }

  @Test
  void everyCopyStoredTwiceUnderTimeoutsIsCountedAsAPossibleDuplicate() throws Exception {
    emulator.setFaults(Faults.builder().latency(0.5, Duration.ofMillis(400)).seed(3).build());
    RetryPolicy patient = FAST.toBuilder().maxAttempts(30).build();
    try (AppOptics connection = AppOptics.builder().token(ReliabilityFixture.TOKEN).baseUri(emulator.baseUri())
        .retryPolicy(patient).timeout(Duration.ofMillis(150)).build()) {
      Reporter reporter = reporter(connection).build();
      send(reporter, 1000);
      reporter.close();
      emulator.setFaults(Faults.none());

      Map<Integer, Long> stored = ReliabilityFixture.stored(api);
      long extraCopies = stored.values().stream().mapToLong(n -> n - 1).sum();
      assertThat(stored).hasSize(1000).allSatisfy((i, n) -> assertThat(n).isPositive());
      assertThat(reporter.stats().possibleDuplicates()).isPositive();
      assertThat(extraCopies).isLessThanOrEqualTo(100 * reporter.stats().possibleDuplicates());
    }
  }

  @Test
  void spoolFirstDeliversEverythingOnceAndLeavesAnEmptySpool() throws Exception {
    Reporter reporter = reporter(api).spool(spoolDir).spoolFirst(true).build();
    send(reporter, 1000);
    reporter.close();

    assertThat(reporter.stats().sent()).isEqualTo(1000);
    assertThat(Files.list(spoolDir)).isEmpty();
    assertExactlyOnce(emulator, api, 1000);
  }

  @Test
  void spoolFirstNeedsASpoolAndAtLeastOnceDelivery() {
    assertThatThrownBy(() -> reporter(api).spoolFirst(true).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("spoolFirst"));
    try (AppOptics atMostOnce = connect(emulator.baseUri(),
        FAST.toBuilder().delivery(RetryPolicy.Delivery.AT_MOST_ONCE).build())) {
      assertThatThrownBy(() -> reporter(atMostOnce).spool(spoolDir).spoolFirst(true).build())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errorMessage())
              .contains("needs AT_LEAST_ONCE delivery"));
    }
  }
}
