package dev.appoptics.emulator.internal.forward;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between delivery attempts: doubling from {@code initial} up to {@code max}, each wait a random point in its
 * upper half (jitter, so that servers restarted together do not retry in step), and never shorter than a receiver's
 * {@code Retry-After} (itself capped at a minute).
 */
record Backoff(Duration initial, Duration max) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
  private static final long RETRY_AFTER_CAP_MILLIS = 60_000;

  /** Milliseconds to wait before attempt {@code attempt + 1} (0-based retries). */
  long delayMillis(int attempt, Optional<Duration> retryAfter) {
    long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 30));
    long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    long asked = retryAfter.map(Duration::toMillis).orElse(0L);
    return Math.max(delay, Math.min(asked, RETRY_AFTER_CAP_MILLIS));
  }
}
