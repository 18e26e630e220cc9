package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Queue behaviour against the emulator: chunking, auto-submit, tag precedence, concurrency, failures. */
class QueueEmulatorTest {
  @RegisterExtension
  static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOptics api =
      EMULATOR.connect(b -> b.tags(Map.of("sky", "blue", "company", "AppOptics")).retryPolicy(RetryPolicy.none()));
  private final AppOpticsEmulator emulator = EMULATOR.emulator();

  private Map<String, String> storedTags(String metric) {
    MeasurementResult r = api.getMeasurements(metric, MeasurementQuery.builder().duration(3600).build());
    assertThat(r.series()).hasSize(1);
    return r.series().get(0).tags();
  }

  @Test
  void threeHundredAndOneMeasurementsTakeTwoRequests() {
    long before = emulator.stats().requests();
    try (Queue q = api.newQueue()) {
      for (int i = 0; i < 301; i++) {
        q.add("m", i, Map.of("i", "n" + i));
      }
    }
    assertThat(emulator.stats().requests() - before).isEqualTo(2);
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(301);
  }

  @Test
  void autoSubmitByCount() {
    Queue q = api.newQueue(QueueOptions.builder().autoSubmitCount(10).build());
    for (int i = 0; i < 9; i++) {
      q.add("m", i, Map.of("i", "n" + i));
    }
    assertThat(emulator.stats().measurementsAccepted()).isZero();
    q.add("m", 9, Map.of("i", "n9"));
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(10);
    assertThat(q.isEmpty()).isTrue();
  }

  static Stream<Arguments> precedence() {
    Map<String, String> queueTags = Map.of("service", "api", "hi", "four", "sky", "red");
    return Stream.of(
        // measurement tags, inherit, queue tags -> stored tags
        Arguments.of(Map.of("hi", "five"), true, queueTags,
            Map.of("sky", "red", "service", "api", "hi", "five", "company", "AppOptics")),
        Arguments.of(Map.of("hi", "five"), false, queueTags, Map.of("hi", "five")),
        Arguments.of(Map.of(), false, queueTags,
            Map.of("sky", "red", "service", "api", "hi", "four", "company", "AppOptics")),
        Arguments.of(Map.of(), false, Map.of(), Map.of("sky", "blue", "company", "AppOptics")),
        Arguments.of(Map.of("sky", "green"), true, Map.of(), Map.of("sky", "green", "company", "AppOptics")));
  }

  @ParameterizedTest
  @MethodSource("precedence")
  void tagPrecedenceMeasurementOverQueueOverConnection(
      Map<String, String> tags, boolean inherit, Map<String, String> queueTags, Map<String, String> expected) {
    try (Queue q = api.newQueue(QueueOptions.builder().tags(queueTags).build())) {
      q.add("temperature", 22.1, tags, inherit);
    }
    assertThat(storedTags("temperature")).isEqualTo(expected);
  }

  @Test
  void readmeTagInheritanceExample() {
    try (AppOptics conn = AppOptics.builder().token("t").baseUri(EMULATOR.baseUri())
        .tags(Map.of("company", "librato", "service", "app")).build()) {
      try (Queue q = conn.newQueue(QueueOptions.builder().tags(Map.of("service", "api")).build())) {
        q.add("t1", 22.1, Map.of("location", "downstairs"));
        q.add("t2", 23.1);
        q.add("t3", 22.1, Map.of("location", "downstairs"), true);
      }
    }
    assertThat(storedTags("t1")).isEqualTo(Map.of("location", "downstairs"));
    assertThat(storedTags("t2")).isEqualTo(Map.of("company", "librato", "service", "api"));
    assertThat(storedTags("t3")).isEqualTo(Map.of("location", "downstairs", "company", "librato", "service", "api"));
  }

  @Test
  void concurrentAddsWhileSubmittingGiveAnExactCount() throws Exception {
    emulator.setFaults(Faults.builder().latency(1.0, Duration.ofMillis(2)).build());
    Queue q = api.newQueue(QueueOptions.builder().autoSubmitCount(250).build());
    int threads = 4;
    int perThread = 2_500;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String id = "t" + t;
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          q.add("load", i, Map.of("thread", id, "i", "n" + i));
        }
        return null;
      }));
    }
    futures.add(pool.submit(() -> {
      go.await();
      for (int i = 0; i < 20; i++) {
        q.submit();
      }
      return null;
    }));
    go.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    q.submit();
    emulator.setFaults(Faults.none());
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo((long) threads * perThread);
    assertThat(emulator.stats().series()).isEqualTo(threads * perThread);
  }

  @Test
  void failedChunkStaysQueuedWithoutDuplicates() {
    Queue q = api.newQueue();
    for (int i = 0; i < 650; i++) {
      q.add("m", i, Map.of("i", "n" + i));
    }
    emulator.setFaults(Faults.builder().failNext(1, 503).build());
    assertThatThrownBy(q::submit).isInstanceOf(ServerErrorException.class);
    assertThat(q.size()).isEqualTo(650);
    assertThat(q.submit()).isEqualTo(650);
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(650);
  }

  @Test
  void closeSubmitsWhenTheBlockThrows() {
    assertThatThrownBy(() -> {
          try (Queue q = api.newQueue()) {
            q.add("m", 1);
            throw new IllegalArgumentException("boom");
          }
        })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("boom");
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(1);
  }

  @Test
  void aggregatorSubmitsSummaries() {
    Aggregator agg = api.newAggregator(AggregatorOptions.builder().tags(Map.of("host", "h1")).period(60).build());
    agg.add("latency", 12);
    agg.add("latency", 30);
    agg.addTagged("latency", 3);
    agg.add("errors", 1);
    assertThat(agg.toPayload()).hasSize(2).first().satisfies(m -> {
      assertThat(m.count()).hasValue(3);
      assertThat(m.sum()).hasValue(45);
      assertThat(m.min()).hasValue(3);
      assertThat(m.max()).hasValue(30);
      assertThat(m.time().getAsLong() % 60).isZero();
    });
    agg.submit();
    assertThat(agg.size()).isZero();
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(2);
    MeasurementResult r = api.getMeasurements("latency",
        MeasurementQuery.builder().duration(3600).resolution(60).summaryFunction("max").build());
    assertThat(r.series()).singleElement().satisfies(s -> {
      assertThat(s.tags()).isEqualTo(Map.of("host", "h1"));
      assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(30));
    });
  }
}
