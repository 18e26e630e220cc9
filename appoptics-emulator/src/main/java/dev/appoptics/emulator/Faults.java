package dev.appoptics.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Failures the emulator injects so reliability code can be tested: for a share of requests added latency, an error
 * status (default 503) or a dropped connection (the socket closed with no answer), and deterministic counters that
 * fail, drop or rate-limit the next {@code n} requests. Immutable; shares are drawn from a random source seeded with
 * {@link Builder#seed(long)}, so a run can be repeated. Counters are consumed in the order drop, fail, rate limit.
 *
 * <pre>{@code
 * emulator.setFaults(Faults.builder().failNext(3, 503).build()); // three 503s, then normal answers
 * emulator.setFaults(Faults.builder().errors(0.2).latency(0.5, Duration.ofMillis(50)).seed(7).build());
 * }</pre>
 */
public final class Faults {
  private static final Faults NONE = builder().build();

  private final double latencyShare;
  private final Duration latency;
  private final double errorShare;
  private final int errorStatus;
  private final double dropShare;
  private final int failNext;
  private final int failNextStatus;
  private final int dropNext;
  private final int rateLimitNext;
  private final int retryAfterSeconds;
  private final long seed;

  private Faults(Builder b) {
    latencyShare = b.latencyShare;
    latency = b.latency;
    errorShare = b.errorShare;
    errorStatus = b.errorStatus;
    dropShare = b.dropShare;
    failNext = b.failNext;
    failNextStatus = b.failNextStatus;
    dropNext = b.dropNext;
    rateLimitNext = b.rateLimitNext;
    retryAfterSeconds = b.retryAfterSeconds;
    seed = b.seed;
  }

  /** No faults at all. */
  public static Faults none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Share of requests (0..1) delayed by {@link #latency()}. */
  public double latencyShare() {
    return latencyShare;
  }

  public Duration latency() {
    return latency;
  }

  /** Share of requests (0..1) answered with {@link #errorStatus()}. */
  public double errorShare() {
    return errorShare;
  }

  public int errorStatus() {
    return errorStatus;
  }

  /** Share of requests (0..1) whose connection is closed without an answer. */
  public double dropShare() {
    return dropShare;
  }

  /** Number of next requests answered with {@link #failNextStatus()}. */
  public int failNext() {
    return failNext;
  }

  public int failNextStatus() {
    return failNextStatus;
  }

  /** Number of next requests whose connection is dropped. */
  public int dropNext() {
    return dropNext;
  }

  /** Number of next requests answered 429 with {@code Retry-After: }{@link #retryAfterSeconds()}. */
  public int rateLimitNext() {
    return rateLimitNext;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public long seed() {
    return seed;
  }

  /** Builder for {@link Faults}; everything defaults to "no fault". */
  public static final class Builder {
    private double latencyShare;
    private Duration latency = Duration.ZERO;
    private double errorShare;
    private int errorStatus = 503;
    private double dropShare;
    private int failNext;
    private int failNextStatus = 503;
    private int dropNext;
    private int rateLimitNext;
    private int retryAfterSeconds = 1;
    private long seed = 42;

    private Builder() {}

    /** Delays {@code share} of requests by {@code delay} before answering. */
    public Builder latency(double share, Duration delay) {
      this.latencyShare = share("latency share", share);
      this.latency = Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, got " + delay);
      }
      return this;
    }

    /** Answers {@code share} of requests with 503. */
    public Builder errors(double share) {
      return errors(share, 503);
    }

    /** Answers {@code share} of requests with {@code status} (500..599). */
    public Builder errors(double share, int status) {
      this.errorShare = share("error share", share);
      this.errorStatus = serverError(status);
      return this;
    }

    /** Closes the connection of {@code share} of requests without answering. */
    public Builder drops(double share) {
      this.dropShare = share("drop share", share);
      return this;
    }

    /** Answers the next {@code n} requests with {@code status} (any 4xx or 5xx). */
    public Builder failNext(int n, int status) {
      this.failNext = count(n);
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 400..599, got " + status);
      }
      this.failNextStatus = status;
      return this;
    }

    /** Drops the connection of the next {@code n} requests. */
    public Builder dropNext(int n) {
      this.dropNext = count(n);
      return this;
    }

    /** Answers the next {@code n} requests 429 with {@code Retry-After: retryAfterSeconds}. */
    public Builder rateLimitNext(int n, int retryAfterSeconds) {
      this.rateLimitNext = count(n);
      if (retryAfterSeconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must be at least 0, got " + retryAfterSeconds);
      }
      this.retryAfterSeconds = retryAfterSeconds;
      return this;
    }

    /** Seed of the random source that picks the requests for the shares. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Faults build() {
      return new Faults(this);
    }

    private static double share(String what, double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(what + " must be between 0 and 1, got " + share);
      }
      return share;
    }

    private static int serverError(int status) {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("error status must be 500..599, got " + status);
      }
      return status;
    }

    private static int count(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("count must be at least 0, got " + n);
      }
      return n;
    }
  }
}
