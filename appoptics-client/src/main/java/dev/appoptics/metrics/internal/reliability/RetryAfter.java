package dev.appoptics.metrics.internal.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the server's requested wait: {@code Retry-After} as delta-seconds or HTTP date, and the rate-limit headers
 * ({@code X-Librato-RateLimit-Agg}/{@code -Std}: {@code limit=…,remaining=…,reset=<epoch s>}). Lenient by design: a
 * header that does not parse is ignored rather than failing the request, since its format is not documented.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait a {@code Retry-After} value asks for; a date in the past means zero. Empty when unparseable. */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  /**
   * The wait until a rate-limit header's {@code reset}, when its {@code remaining} is zero (or absent); empty when
   * the header does not say so. {@code reset} is read as epoch seconds, or as seconds from now when it is small.
   */
  public static Optional<Duration> fromRateLimitHeader(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    Long remaining = null;
    Long reset = null;
    for (String part : value.split("[,;]")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String val = part.substring(eq + 1).trim();
      try {
        if (key.equals("remaining")) {
          remaining = Long.parseLong(val);
        } else if (key.equals("reset")) {
          reset = Long.parseLong(val);
        }
      } catch (NumberFormatException ignored) {
        // an undocumented format: ignore the field
      }
    }
    if (reset == null || (remaining != null && remaining > 0)) {
      return Optional.empty();
    }
    // Values below ~2001-09-09 cannot be epoch seconds of a future reset; read them as relative seconds.
    Duration d = reset < 1_000_000_000L ? Duration.ofSeconds(reset) : Duration.between(now, Instant.ofEpochSecond(reset));
    return Optional.of(d.isNegative() ? Duration.ZERO : d);
  }

  /** The longest wait among the given headers' values ({@code Retry-After} first, then rate-limit headers). */
  public static Optional<Duration> fromHeaders(String retryAfter, Iterable<String> rateLimitHeaders, Instant now) {
    Optional<Duration> best = parse(retryAfter, now);
    for (String h : rateLimitHeaders) {
      Optional<Duration> d = fromRateLimitHeader(h, now);
      if (d.isPresent() && (best.isEmpty() || d.get().compareTo(best.get()) > 0)) {
        best = d;
      }
    }
    return best;
  }
}
