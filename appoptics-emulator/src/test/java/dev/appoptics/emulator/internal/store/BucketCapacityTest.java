package dev.appoptics.emulator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.appoptics.emulator.internal.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** No write takes a roll-up bucket past its capacity, alone or racing others; a refused payload changes nothing. */
class BucketCapacityTest {
  static final long HOUR = 1_699_999_200L;
  static final Map<String, String> TAGS = Map.of("h", "a");

  private final MeasurementStore store = store();

  private static MeasurementStore store() {
    return new MemoryMeasurementStore(new MetricRegistry(), 100, 1_000_000, 1_000);
  }

  private static ParsedMeasurement summary(long time, long count) {
    ParsedMeasurement m = new ParsedMeasurement();
    m.name = "cap";
    m.tags = TAGS;
    m.time = time;
    m.count = count;
    m.sum = count;
    m.min = 1;
    m.max = 1;
    m.last = 1;
    return m;
  }

  private void write(ParsedMeasurement... batch) {
    write(store, batch);
  }

  private static void write(MeasurementStore store, ParsedMeasurement... batch) {
    store.write(List.of(batch), "test", HOUR);
  }

  private List<Aggregate> everyTier() {
    List<Aggregate> all = new ArrayList<>();
    for (int width : Series.TIER_WIDTHS) {
      all.addAll(store.series("cap").get(0).aggregates(HOUR, HOUR + 3599, width));
    }
    return all;
  }

  @Test
  void aWriteThatWouldPassTheCapacityIsRefusedNamingCountAndChangesNothing() {
    write(summary(HOUR + 10, 600));
    List<Aggregate> before = everyTier();

    ApiError e = catchThrowableOfType(ApiError.class, () -> write(summary(HOUR + 5, 1), summary(HOUR + 20, 500)));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).contains("count=[measurements[0] (cap): the hour of time 1699999205 holds 600 samples;"
        + " this payload would add 501 (and payloads being written at the same time up to 0 more), past 1000, the"
        + " most one roll-up bucket holds]");
    assertThat(everyTier()).isEqualTo(before);
  }

  @Test
  void writesUpToTheCapacityAreAccepted() {
    write(summary(HOUR + 10, 600));
    write(summary(HOUR + 3599, 400));

    assertThat(store.series("cap").get(0).aggregates(HOUR, HOUR, 3600)).singleElement()
        .satisfies(a -> assertThat(a.count()).isEqualTo(1_000));
    assertThat(catchThrowableOfType(ApiError.class, () -> write(summary(HOUR, 1)))).isNotNull();
    write(summary(HOUR + 3600, 1_000));
  }

  @Test
  void aPayloadWhoseCountsAloneExceedTheCapacityIsRefused() {
    ApiError e = catchThrowableOfType(ApiError.class,
        () -> write(summary(HOUR, 600), summary(HOUR + 3600, 600)));

    assertThat(e.getMessage()).contains("count=[the payload's counts add up to 1200 and payloads being written at the"
        + " same time to 0; together they could pass 1000");
    assertThat(store.series("cap")).isEmpty();
  }

  /** One write of a random payload: which of three hours, the second in it, how many samples. */
  record Write(int hour, int second, int count) {}

  @Property(tries = 200)
  void exactlyThePayloadsThatFitAreStoredAndNoBucketPassesTheCapacity(
      @ForAll @Size(min = 1, max = 40) List<@Size(min = 1, max = 5) List<@From("writes") Write>> payloads) {
    MeasurementStore store = store(); // jqwik runs every try on the same instance
    Map<Integer, Long> model = new TreeMap<>(); // hour -> samples of the accepted payloads
    for (List<Write> payload : payloads) {
      Map<Integer, Long> adds = new TreeMap<>();
      payload.forEach(w -> adds.merge(w.hour(), (long) w.count(), Long::sum));
      boolean fits = adds.values().stream().mapToLong(Long::longValue).sum() <= 1_000
          && adds.entrySet().stream().allMatch(e -> model.getOrDefault(e.getKey(), 0L) + e.getValue() <= 1_000);
      ParsedMeasurement[] batch = payload.stream()
          .map(w -> summary(HOUR + 3600L * w.hour() + w.second(), w.count())).toArray(ParsedMeasurement[]::new);

      ApiError refused = catchThrowableOfType(ApiError.class, () -> write(store, batch));

      assertThat(refused == null).as("accepted %s", payload).isEqualTo(fits);
      if (fits) {
        adds.forEach((hour, n) -> model.merge(hour, n, Long::sum));
      }
    }
    assertThat(store.series("cap")).hasSize(model.isEmpty() ? 0 : 1);
    for (Series s : store.series("cap")) {
      for (int width : Series.TIER_WIDTHS) {
        Map<Integer, Long> perHour = new TreeMap<>();
        for (Aggregate a : s.aggregates(HOUR, HOUR + 3 * 3600, width)) {
          perHour.merge((int) ((a.time() - HOUR) / 3600), a.count(), Long::sum);
        }
        assertThat(perHour).as("%d-second tier", width).isEqualTo(model);
      }
    }
  }

  @Provide
  Arbitrary<Write> writes() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3599),
        Arbitraries.integers().between(1, 400)).as(Write::new);
  }

  @Test
  void racingWritersNeverPassTheCapacityTogether() throws InterruptedException {
    AtomicLong accepted = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          try {
            write(summary(HOUR + i % 3600, 3));
            accepted.incrementAndGet();
          } catch (ApiError refused) {
            assertThat(refused.status()).isEqualTo(400);
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    long stored = store.series("cap").get(0).aggregates(HOUR, HOUR, 3600).get(0).count();
    assertThat(stored).isEqualTo(3 * accepted.get()).isLessThanOrEqualTo(1_000).isGreaterThan(900);
  }
}
