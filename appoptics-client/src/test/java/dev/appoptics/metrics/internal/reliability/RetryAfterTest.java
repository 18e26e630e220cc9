package dev.appoptics.metrics.internal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void deltaSeconds() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void httpDate() {
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void garbageIsIgnored() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-3", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
  }

  @Test
  void rateLimitHeaderWaitsForResetOnlyWhenExhausted() {
    long reset = NOW.getEpochSecond() + 12;
    assertThat(RetryAfter.fromRateLimitHeader("limit=300,remaining=0,reset=" + reset, NOW))
        .contains(Duration.ofSeconds(12));
    assertThat(RetryAfter.fromRateLimitHeader("limit=300,remaining=5,reset=" + reset, NOW)).isEmpty();
    assertThat(RetryAfter.fromRateLimitHeader("reset=4", NOW)).contains(Duration.ofSeconds(4));
    assertThat(RetryAfter.fromRateLimitHeader("limit=x,remaining=y", NOW)).isEmpty();
    assertThat(RetryAfter.fromRateLimitHeader(null, NOW)).isEmpty();
  }

  @Test
  void headersTakeTheLongestWait() {
    long reset = NOW.getEpochSecond() + 20;
    assertThat(RetryAfter.fromHeaders("3", List.of("limit=1,remaining=0,reset=" + reset), NOW))
        .contains(Duration.ofSeconds(20));
    assertThat(RetryAfter.fromHeaders("30", List.of("limit=1,remaining=0,reset=" + reset), NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.fromHeaders(null, List.of(), NOW)).isEmpty();
  }
}
