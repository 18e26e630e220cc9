package dev.appoptics.metrics.internal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.metrics.RetryPolicy;
import dev.appoptics.metrics.internal.reliability.Failure.Kind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetrierTest {
  /** An exception that carries the failure it stands for, so the classifier is trivial. */
  static final class Fail extends RuntimeException {
    final Failure failure;

    Fail(Failure failure) {
      super(failure.kind().name());
      this.failure = failure;
    }
  }

  private long now;
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<Integer> retried = new ArrayList<>();

  private Retrier retrier(RetryPolicy policy) {
    return new Retrier(policy, e -> e instanceof Fail f ? f.failure : null, () -> now,
        d -> { sleeps.add(d); now += d.toNanos(); }, () -> 0.5);
  }

  private Supplier<String> script(Failure... failures) {
    Deque<Failure> queue = new ArrayDeque<>(List.of(failures));
    return () -> {
      Failure f = queue.poll();
      if (f == null) {
        return "ok";
      }
      throw new Fail(f);
    };
  }

  private String call(RetryPolicy policy, RequestKind kind, Failure... failures) {
    return retrier(policy).call(kind, script(failures), (k, n, f, w) -> retried.add(n));
  }

  @Test
  void retriesRefusalsWithJitteredBackoff() {
    String r = call(RetryPolicy.defaults(), RequestKind.MEASUREMENTS, Failure.of(Kind.NOT_SENT),
        Failure.of(Kind.SERVER_ERROR), Failure.rateLimited(Optional.empty()));
    assertThat(r).isEqualTo("ok");
    assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(retried).containsExactly(1, 2, 3);
  }

  @Test
  void retryAfterReplacesTheBackoff() {
    call(RetryPolicy.defaults(), RequestKind.IDEMPOTENT, Failure.rateLimited(Optional.of(Duration.ofSeconds(3))));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailureAndTheEarlierOnesSuppressed() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(3).build();
    assertThatThrownBy(() -> call(p, RequestKind.IDEMPOTENT, Failure.of(Kind.SERVER_ERROR),
        Failure.of(Kind.NOT_SENT), Failure.of(Kind.MAYBE_DELIVERED), Failure.of(Kind.SERVER_ERROR)))
        .hasMessage("MAYBE_DELIVERED")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("NOT_SENT"));
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void givesUpWhenTheNextWaitWouldPassTheDeadline() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(100).totalDeadline(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> call(p, RequestKind.IDEMPOTENT,
        Failure.rateLimited(Optional.of(Duration.ofSeconds(2))), Failure.rateLimited(Optional.of(Duration.ofSeconds(2))),
        Failure.rateLimited(Optional.of(Duration.ofSeconds(2))))).hasMessage("RATE_LIMITED");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void neverRetriesPermanentFailures() {
    assertThatThrownBy(() -> call(RetryPolicy.defaults(), RequestKind.IDEMPOTENT, Failure.of(Kind.PERMANENT)))
        .hasMessage("PERMANENT");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void unknownExceptionsArePermanent() {
    Retrier r = retrier(RetryPolicy.defaults());
    assertThatThrownBy(() -> r.call(RequestKind.IDEMPOTENT, () -> {
      throw new IllegalStateException("bug");
    })).hasMessage("bug");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void timeoutsAfterWritingAreRetriedForMeasurementsOnlyWhenAtLeastOnce() {
    assertThat(call(RetryPolicy.defaults(), RequestKind.MEASUREMENTS, Failure.of(Kind.MAYBE_DELIVERED)))
        .isEqualTo("ok");
    RetryPolicy atMostOnce = RetryPolicy.builder().delivery(RetryPolicy.Delivery.AT_MOST_ONCE).build();
    assertThatThrownBy(() -> call(atMostOnce, RequestKind.MEASUREMENTS, Failure.of(Kind.MAYBE_DELIVERED)))
        .hasMessage("MAYBE_DELIVERED");
    assertThat(call(atMostOnce, RequestKind.MEASUREMENTS, Failure.of(Kind.SERVER_ERROR))).isEqualTo("ok");
  }

  @Test
  void createsAreRetriedOnlyWhenTheyNeverReachedTheServer() {
    assertThat(call(RetryPolicy.defaults(), RequestKind.NON_IDEMPOTENT, Failure.of(Kind.NOT_SENT))).isEqualTo("ok");
    for (Kind k : List.of(Kind.MAYBE_DELIVERED, Kind.SERVER_ERROR, Kind.RATE_LIMITED)) {
      assertThatThrownBy(() -> call(RetryPolicy.defaults(), RequestKind.NON_IDEMPOTENT, Failure.of(k)))
          .hasMessage(k.name());
    }
  }

  @Test
  void noneMeansOneAttempt() {
    assertThatThrownBy(() -> call(RetryPolicy.none(), RequestKind.IDEMPOTENT, Failure.of(Kind.NOT_SENT)))
        .hasMessage("NOT_SENT");
  }

  @Test
  void requestKindByMethodAndPath() {
    assertThat(RequestKind.of("GET", "measurements")).isEqualTo(RequestKind.IDEMPOTENT);
    assertThat(RequestKind.of("PUT", "metrics/x")).isEqualTo(RequestKind.IDEMPOTENT);
    assertThat(RequestKind.of("DELETE", "metrics")).isEqualTo(RequestKind.IDEMPOTENT);
    assertThat(RequestKind.of("POST", "measurements")).isEqualTo(RequestKind.MEASUREMENTS);
    assertThat(RequestKind.of("POST", "/v1/measurements?x=1")).isEqualTo(RequestKind.MEASUREMENTS);
    assertThat(RequestKind.of("POST", "annotations/deploys")).isEqualTo(RequestKind.NON_IDEMPOTENT);
  }

  @Test
  void interruptedWaitRethrowsAndKeepsTheFlag() {
    Retrier r = new Retrier(RetryPolicy.defaults(), e -> Failure.of(Kind.NOT_SENT), () -> 0,
        d -> { throw new InterruptedException(); }, () -> 0.5);
    try {
      assertThatThrownBy(() -> r.call(RequestKind.IDEMPOTENT, () -> {
        throw new IllegalStateException("down");
      })).hasMessage("down");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
