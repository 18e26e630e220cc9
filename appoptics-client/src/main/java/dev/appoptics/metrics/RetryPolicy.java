package dev.appoptics.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed request is tried again. Immutable and thread-safe.
 *
 * <p>Retried: connection failures, timeouts, 5xx and 429, with exponential back-off and full jitter (each wait is
 * uniformly random between zero and {@code min(maxBackoff, initialBackoff * multiplier^(retry-1))}), within at most
 * {@link #maxAttempts()} attempts and the {@link #totalDeadline()} counted from the first attempt. A server's
 * {@code Retry-After} (or its rate-limit reset time) replaces the computed wait. Never retried: any other 4xx.
 *
 * <p>Which failures are safe to repeat depends on the request: GET, PUT and DELETE are idempotent and retried for
 * every retryable failure; a measurement batch is retried after a refusal (connection refused, 429, 5xx) and, under
 * {@link Delivery#AT_LEAST_ONCE} (the default), also after a timeout or a dropped connection once it was sent, where
 * the API may already have stored it; any other POST (annotation, alert, space, chart creation) is retried only when
 * it provably never reached the server. See {@code docs/reliability.md}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(6)
 *     .initialBackoff(Duration.ofMillis(200))
 *     .totalDeadline(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  /**
   * What to do with a measurement batch whose attempt failed after it was written, so the API may have stored it.
   */
  public enum Delivery {
    /** Send it again: nothing is lost, but a batch that had been stored is counted twice. The default. */
    AT_LEAST_ONCE,
    /** Give it up (and do not spool it): nothing is counted twice, but the batch may be lost. */
    AT_MOST_ONCE
  }

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final boolean jitter;
  private final Duration totalDeadline;
  private final Delivery delivery;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.totalDeadline = b.totalDeadline;
    this.delivery = b.delivery;
  }

  /** 5 attempts, 100 ms doubling up to 10 s with full jitter, 60 s in all, at-least-once. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.totalDeadline = totalDeadline;
    b.delivery = delivery;
    return b;
  }

  /** Attempts in all, the first one included (1 = no retries). */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait bound before the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The largest wait bound between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The factor by which the wait bound grows after each retry. */
  public double multiplier() {
    return multiplier;
  }

  /** Whether waits are drawn uniformly from zero to the bound (full jitter) rather than equal to the bound. */
  public boolean jitter() {
    return jitter;
  }

  /** No retry starts after this much time has passed since the first attempt began. */
  public Duration totalDeadline() {
    return totalDeadline;
  }

  /** What happens to a measurement batch that may have been stored by an attempt that then failed. */
  public Delivery delivery() {
    return delivery;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry), given a uniform random number in [0, 1).
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1, was " + retry);
    }
    double bound = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(bound, (double) maxBackoff.toNanos());
    double nanos = jitter ? capped * random : capped;
    return Duration.ofNanos((long) nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && initialBackoff.equals(p.initialBackoff)
        && maxBackoff.equals(p.maxBackoff)
        && Double.compare(multiplier, p.multiplier) == 0
        && jitter == p.jitter
        && totalDeadline.equals(p.totalDeadline)
        && delivery == p.delivery;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, totalDeadline, delivery);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", totalDeadline=" + totalDeadline
        + ", delivery=" + delivery + "}";
  }

  /** Builds a {@link RetryPolicy}; every setter validates its value and names it in the error. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private double multiplier = 2.0;
    private boolean jitter = true;
    private Duration totalDeadline = Duration.ofSeconds(60);
    private Delivery delivery = Delivery.AT_LEAST_ONCE;

    private Builder() {}

    /** Attempts in all, at least 1 (1 = never retry). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait bound before the first retry; zero or positive. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
      return this;
    }

    /** The largest wait bound; zero or positive. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
      return this;
    }

    /** Growth factor of the wait bound, at least 1.0. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1.0, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** Full jitter on (the default) or off. */
    public Builder jitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Time budget for all attempts of one request, counted from the first attempt; positive. */
    public Builder totalDeadline(Duration totalDeadline) {
      nonNegative("totalDeadline", totalDeadline);
      if (totalDeadline.isZero()) {
        throw new IllegalArgumentException("totalDeadline must be positive, was " + totalDeadline);
      }
      this.totalDeadline = totalDeadline;
      return this;
    }

    /** At-least-once (default) or at-most-once for measurement batches that may have been stored. */
    public Builder delivery(Delivery delivery) {
      this.delivery = Objects.requireNonNull(delivery, "delivery == null");
      return this;
    }

    /** The policy; fails if {@code maxBackoff < initialBackoff}. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException(
            "maxBackoff (" + maxBackoff + ") must not be below initialBackoff (" + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration value) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}
