package dev.appoptics.metrics.internal.reliability;

import dev.appoptics.metrics.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a request under a {@link RetryPolicy}: classifies each failure, decides from the request's {@link RequestKind}
 * whether repeating it is safe, waits (back-off with jitter, or the server's {@code Retry-After}) and tries again
 * while attempts and the total deadline allow. When it gives up it rethrows the last failure, with the earlier ones
 * attached as suppressed exceptions. Thread-safe; holds no per-request state.
 */
public final class Retrier {
  /** Maps an attempt's exception to a {@link Failure}; anything it does not know is {@link Failure.Kind#PERMANENT}. */
  @FunctionalInterface
  public interface Classifier {
    Failure classify(RuntimeException e);
  }

  /** Waits between attempts; replaceable so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Told about every retry before its wait starts (for counters and logs). */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (kind, attempt, failure, wait) -> {};

    void retrying(RequestKind kind, int failedAttempt, Failure failure, Duration wait);
  }

  private final RetryPolicy policy;
  private final Classifier classifier;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public Retrier(RetryPolicy policy, Classifier classifier) {
    this(policy, classifier, System::nanoTime, d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  public Retrier(RetryPolicy policy, Classifier classifier, LongSupplier nanoTime, Sleeper sleeper,
      DoubleSupplier random) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.classifier = Objects.requireNonNull(classifier, "classifier == null");
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.random = random;
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** The classification this retrier uses, for callers that must act on the final failure. */
  public Failure classify(RuntimeException e) {
    Failure f = classifier.classify(e);
    return f == null ? Failure.of(Failure.Kind.PERMANENT) : f;
  }

  /** Whether a request of this kind may be repeated after this failure under this policy. */
  public static boolean retryable(RequestKind kind, Failure failure, RetryPolicy.Delivery delivery) {
    return switch (failure.kind()) {
      case PERMANENT -> false;
      case NOT_SENT -> true;
      // The server answered "no": it stored nothing, but for a create we cannot be sure its effects were undone.
      case SERVER_ERROR, RATE_LIMITED -> kind != RequestKind.NON_IDEMPOTENT;
      case MAYBE_DELIVERED -> kind == RequestKind.IDEMPOTENT
          || (kind == RequestKind.MEASUREMENTS && delivery == RetryPolicy.Delivery.AT_LEAST_ONCE);
    };
  }

  public <T> T call(RequestKind kind, Supplier<T> attempt) {
    return call(kind, attempt, Listener.NONE);
  }

  /** Runs {@code attempt} until it succeeds or the policy gives up; then throws the last failure. */
  public <T> T call(RequestKind kind, Supplier<T> attempt, Listener listener) {
    long start = nanoTime.getAsLong();
    long deadline = policy.totalDeadline().toNanos();
    RuntimeException first = null;
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else if (e != first) {
          e.addSuppressed(first);
          first = e;
        }
        Failure failure = classify(e);
        if (n >= policy.maxAttempts() || !retryable(kind, failure, policy.delivery())) {
          throw e;
        }
        Duration wait = failure.retryAfter().isPresent()
            ? failure.retryAfter().get()
            : policy.backoff(n, random.getAsDouble());
        long elapsed = nanoTime.getAsLong() - start;
        if (elapsed + wait.toNanos() >= deadline) {
          throw e;
        }
        listener.retrying(kind, n, failure, wait);
        try {
          if (!wait.isZero()) {
            sleeper.sleep(wait);
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
