package dev.appoptics.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account hit an API limit (429). {@link #retryAfter()} is the server's hint from {@code Retry-After}, and
 * {@link #rateLimits()} holds the rate-limit headers of the answer ({@code X-Librato-RateLimit-Agg}, …) as sent.
 */
public class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final Map<String, String> rateLimits;

  /** Creates the error; used by the HTTP layer. {@code retryAfter} may be null when the server sent no hint. */
  public RateLimitedException(
      String method,
      String path,
      List<String> errors,
      String responseBody,
      Duration retryAfter,
      Map<String, String> rateLimits) {
    super(429, method, path, errors, responseBody);
    this.retryAfter = retryAfter;
    this.rateLimits = Map.copyOf(rateLimits);
  }

  /** How long the server asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Rate-limit response headers by lower-case name; empty when none were sent. */
  public Map<String, String> rateLimits() {
    return rateLimits;
  }
}
