package dev.appoptics.metrics.internal.reliability;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong with one attempt, in the terms that decide whether repeating it is safe.
 *
 * @param kind what happened
 * @param retryAfter the server's requested wait (from {@code Retry-After} or its rate-limit reset), if it gave one
 */
public record Failure(Kind kind, Optional<Duration> retryAfter) {
  /** The failure classes, ordered from "provably not processed" to "processed and refused". */
  public enum Kind {
    /** No byte of the request reached the server (connection refused, DNS, connect timeout). */
    NOT_SENT,
    /** The request was written but no answer came (read timeout, connection dropped): it may have been stored. */
    MAYBE_DELIVERED,
    /** 5xx: the server refused or failed; nothing was stored. */
    SERVER_ERROR,
    /** 429: rate limited; nothing was stored. */
    RATE_LIMITED,
    /** Any other 4xx, or an error that repeating cannot fix. */
    PERMANENT
  }

  public Failure {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(retryAfter, "retryAfter == null");
  }

  public static Failure of(Kind kind) {
    return new Failure(kind, Optional.empty());
  }

  public static Failure rateLimited(Optional<Duration> retryAfter) {
    return new Failure(Kind.RATE_LIMITED, retryAfter);
  }
}
