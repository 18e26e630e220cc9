package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Shared helpers of the reliability tests: distinct measurements, and the exact set the emulator stored. */
final class ReliabilityFixture {
  static final String METRIC = "reliability.test";
  static final String TOKEN = "reliability-token";

  /** Retries quickly so tests stay fast; enough attempts to outlast the injected bursts. */
  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(1))
      .maxBackoff(Duration.ofMillis(20)).totalDeadline(Duration.ofSeconds(20)).build();

  private ReliabilityFixture() {}

  static AppOptics connect(URI baseUri, RetryPolicy policy) {
    return AppOptics.builder().token(TOKEN).baseUri(baseUri).retryPolicy(policy).build();
  }

  /** Measurement number {@code i}: its own series (tag {@code i}), value 1. */
  static Measurement point(int i) {
    return Measurement.of(METRIC, 1, Map.of("i", Integer.toString(i)));
  }

  /** Series tag {@code i} → how many measurements the emulator counted for it. */
  static Map<Integer, Long> stored(AppOptics api) {
    MeasurementResult r;
    try {
      r = api.getMeasurements(METRIC,
          MeasurementQuery.builder().duration(3600).resolution(1).summaryFunction("count").build());
    } catch (NotFoundException nothingStored) {
      return Map.of();
    }
    Map<Integer, Long> counts = new TreeMap<>();
    for (Series s : r.series()) {
      long n = s.points().stream().mapToLong(p -> Math.round(p.value())).sum();
      counts.merge(Integer.valueOf(s.tags().get("i")), n, Long::sum);
    }
    return counts;
  }

  /** Asserts that the emulator holds measurements 0..n-1 exactly once each. */
  static void assertExactlyOnce(AppOpticsEmulator emulator, AppOptics api, int n) {
    Map<Integer, Long> expected = IntStream.range(0, n).boxed()
        .collect(Collectors.toMap(i -> i, i -> 1L, (a, b) -> a, TreeMap::new));
    assertThat(stored(api)).isEqualTo(expected);
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(n);
  }
}
