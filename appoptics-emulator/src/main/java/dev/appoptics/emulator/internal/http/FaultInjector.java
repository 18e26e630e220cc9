package dev.appoptics.emulator.internal.http;

import dev.appoptics.emulator.Faults;
import java.util.SplittableRandom;

/**
 * The running state of a {@link Faults} setting: the deterministic counters count down and the random source
 * decides the shares. Replaced as a whole by {@link #set}. Thread-safe (synchronized; faults are a test feature).
 */
final class FaultInjector {
  enum Kind {
    NONE,
    DROP,
    FAIL,
    RATE_LIMIT
  }

  record Decision(Kind kind, int status, long delayMillis, int retryAfter) {}

  private Faults faults;
  private SplittableRandom random;
  private int failLeft;
  private int dropLeft;
  private int rateLimitLeft;

  FaultInjector(Faults faults) {
    set(faults);
  }

  synchronized void set(Faults faults) {
    this.faults = faults;
    this.random = new SplittableRandom(faults.seed());
    this.failLeft = faults.failNext();
    this.dropLeft = faults.dropNext();
    this.rateLimitLeft = faults.rateLimitNext();
  }

  synchronized Faults current() {
    return faults;
  }

  synchronized Decision next() {
    long delay = 0;
    if (faults.latencyShare() > 0 && random.nextDouble() < faults.latencyShare()) {
      delay = faults.latency().toMillis();
    }
    if (dropLeft > 0) {
      dropLeft--;
      return new Decision(Kind.DROP, 0, delay, 0);
    }
    if (failLeft > 0) {
      failLeft--;
      return new Decision(Kind.FAIL, faults.failNextStatus(), delay, 0);
    }
    if (rateLimitLeft > 0) {
      rateLimitLeft--;
      return new Decision(Kind.RATE_LIMIT, 429, delay, faults.retryAfterSeconds());
    }
    if (faults.dropShare() > 0 && random.nextDouble() < faults.dropShare()) {
      return new Decision(Kind.DROP, 0, delay, 0);
    }
    if (faults.errorShare() > 0 && random.nextDouble() < faults.errorShare()) {
      return new Decision(Kind.FAIL, faults.errorStatus(), delay, 0);
    }
    return new Decision(Kind.NONE, 0, delay, 0);
  }
}
