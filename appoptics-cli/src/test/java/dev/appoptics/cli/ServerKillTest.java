package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.metrics.Alert;
import dev.appoptics.metrics.AnnotationEvent;
import dev.appoptics.metrics.ApiToken;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Chart;
import dev.appoptics.metrics.ChartStream;
import dev.appoptics.metrics.Measurement;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.MeasurementResult;
import dev.appoptics.metrics.Point;
import dev.appoptics.metrics.Reporter;
import dev.appoptics.metrics.RetryPolicy;
import dev.appoptics.metrics.Series;
import dev.appoptics.metrics.Space;
import dev.appoptics.metrics.TokenRole;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during writes loses nothing the server acknowledged: the server runs in a process of its own, the client
 * records every measurement and every resource it got a 2xx for, the server is killed mid-run and restarted on the
 * same port and data directory, and everything recorded must be there. The default sync policy (every second)
 * applies: a killed process loses nothing it answered, only a host crash could.
 */
class ServerKillTest {
  private static final String TOKEN = "kill-test";
  private static final String METRIC = "kill.seq";
  /** Measurement {@code seq} goes to series {@code round=seq/SLOTS} at second {@code t0 + seq%SLOTS}: one each. */
  private static final int SLOTS = 3000;
  /** Retries long enough to outlast a restart, quickly enough to keep the test short. */
  private static final RetryPolicy THROUGH_RESTARTS = RetryPolicy.builder().maxAttempts(1000)
      .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)).totalDeadline(Duration.ofSeconds(60))
      .build();

  @TempDir Path dir;

  private final long t0 = (System.currentTimeMillis() / 1000 / 60) * 60 - 3600;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private ServerProcess start(int port) {
    return ServerProcess.start(dir.resolve("data"), "--port", Integer.toString(port), "--token", TOKEN);
  }

  private static AppOptics connect(URI baseUri) {
    return AppOptics.builder().token(TOKEN).baseUri(baseUri).retryPolicy(THROUGH_RESTARTS).build();
  }

  @Test
  void killedDuringReporterWritesLosesNoAcknowledgedMeasurement() throws Exception {
    int port = freePort();
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicLong next = new AtomicLong();
    AtomicBoolean writing = new AtomicBoolean(true);
    ServerProcess server = start(port);
    try (AppOptics api = connect(server.baseUri());
        Reporter reporter = Reporter.builder(api).batchSize(200).flushInterval(Duration.ofMillis(20))
            .onAcknowledged(batch -> batch.forEach(m -> acknowledged.add((long) m.value().getAsDouble())))
            .build()) {
      Thread writer = new Thread(() -> {
        while (writing.get()) {
          for (int i = 0; i < 20; i++) {
            long seq = next.getAndIncrement();
            reporter.add(Measurement.builder(METRIC).value(seq).time(t0 + seq % SLOTS)
                .tag("round", Long.toString(seq / SLOTS)).build());
          }
          sleep(2);
        }
      }, "kill-test-writer");
      writer.start();

      for (int kill = 0; kill < 2; kill++) {
        awaitAtLeast(acknowledged, acknowledged.size() + 3000);
        server.kill();
        long acknowledgedAtKill = acknowledged.size();
        server = start(port);
        awaitAtLeast(acknowledged, acknowledgedAtKill + 1000); // the reporter carries on against the new process
      }
      writing.set(false);
      writer.join();
      reporter.close();

      assertThat(reporter.stats().failed()).as(reporter.stats().toString()).isZero();
      assertThat(acknowledged).hasSize((int) next.get());
      assertAllStored(api, acknowledged);
    } finally {
      server.close();
    }
  }

  /** Every acknowledged measurement is in its own slot; duplicates (re-sent after a kill) carry the same value. */
  private void assertAllStored(AppOptics api, Set<Long> acknowledged) {
    Map<Long, Point> stored = new ConcurrentHashMap<>();
    long rounds = acknowledged.stream().mapToLong(s -> s / SLOTS).max().orElse(0) + 1;
    for (long round = 0; round < rounds; round++) {
      MeasurementResult r = api.getMeasurements(METRIC, MeasurementQuery.builder().startTime(t0)
          .endTime(t0 + SLOTS).resolution(1).tag("round", Long.toString(round)).summaryFunction("all").build());
      for (Series s : r.series()) {
        for (Point p : s.points()) {
          stored.put(round * SLOTS + (p.time() - t0), p);
        }
      }
    }
    List<Long> lost = new ArrayList<>();
    for (long seq : acknowledged) {
      Point p = stored.get(seq);
      if (p == null) {
        lost.add(seq);
        continue;
      }
      assertThat(p.summaries().get("min")).as("slot of %d", seq).isEqualTo((double) seq);
      assertThat(p.summaries().get("max")).as("slot of %d", seq).isEqualTo((double) seq);
    }
    assertThat(lost).as("acknowledged but lost, of " + acknowledged.size()).isEmpty();
  }

  @Test
  void resourcesCreatedBeforeAndAfterACheckpointSurviveAKill() throws Exception {
    int port = freePort();
    List<Consumer<AppOptics>> checks = new CopyOnWriteArrayList<>();
    ServerProcess server = start(port);
    try (AppOptics api = connect(server.baseUri())) {
      for (int i = 0; i < 5; i++) {
        create(api, "before" + i, checks);
      }
      assertThat(server.terminate()).as("a clean stop saves a checkpoint").isZero();
      server = start(port);

      AtomicBoolean creating = new AtomicBoolean(true);
      AppOptics once = AppOptics.builder().token(TOKEN).baseUri(server.baseUri()).retryPolicy(RetryPolicy.none())
          .build();
      Thread creator = new Thread(() -> {
        for (int i = 0; creating.get(); i++) {
          try {
            create(once, "after" + i, checks);
          } catch (RuntimeException killed) {
            return;
          }
        }
      }, "kill-test-creator");
      creator.start();
      while (checks.size() < 5 * 6 + 60) {
        Thread.sleep(20);
      }
      server.kill();
      creator.join();
      once.close();
      server = start(port);

      for (Consumer<AppOptics> check : checks) {
        check.accept(api);
      }
      assertThat(checks).hasSizeGreaterThanOrEqualTo(5 * 6 + 60);
    } finally {
      server.close();
    }
  }

  /** Creates one of each resource; for each the server acknowledged, adds a check that it is still there. */
  private static void create(AppOptics api, String name, List<Consumer<AppOptics>> checks) {
    Space space = api.createSpace("space " + name);
    checks.add(a -> assertThat(a.getSpace(space.id()).name()).isEqualTo("space " + name));
    Chart chart = api.createChart(space, Chart.builder("chart " + name).stream(ChartStream.metric(METRIC).build())
        .build());
    long chartId = chart.id().getAsLong();
    checks.add(a -> assertThat(a.getChart(space.id(), chartId).name()).isEqualTo("chart " + name));
    Alert alert = api.createAlert(Alert.builder("alert." + name).addConditionFor(METRIC).above(1).and().build());
    long alertId = alert.id().getAsLong();
    checks.add(a -> assertThat(a.getAlert(alertId).orElseThrow().name()).isEqualTo("alert." + name));
    ApiToken token = api.createApiToken(ApiToken.builder("token " + name, TokenRole.VIEWER).build());
    long tokenId = token.id().getAsLong();
    String secret = token.token().orElseThrow();
    checks.add(a -> {
      assertThat(a.getApiToken(tokenId).name()).hasValue("token " + name);
      try (AppOptics viewer = AppOptics.builder().token(secret).baseUri(a.baseUri()).build()) {
        assertThat(viewer.listSpaces().findAny()).as("the token made before the kill authenticates").isPresent();
      }
    });
    AnnotationEvent event = api.postAnnotation("deploys", "event " + name);
    long eventId = event.id().getAsLong();
    checks.add(a -> assertThat(a.getAnnotation("deploys", eventId).title()).isEqualTo("event " + name));
    api.createMetric("kill.metric." + name);
    checks.add(a -> assertThat(a.getMetric("kill.metric." + name).name()).isEqualTo("kill.metric." + name));
  }

  private static void awaitAtLeast(Set<Long> acknowledged, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (acknowledged.size() < count) {
      assertThat(System.nanoTime()).as("%d measurements acknowledged within 60 s", count).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
