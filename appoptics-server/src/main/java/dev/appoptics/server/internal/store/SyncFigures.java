package dev.appoptics.server.internal.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** How long forcing the log to disk takes: count, total and longest, for {@code GET /metrics}. Thread-safe. */
final class SyncFigures {
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong totalNanos = new AtomicLong();
  private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

  void synced(long nanos) {
    count.incrementAndGet();
    totalNanos.addAndGet(nanos);
    maxNanos.accumulate(nanos);
  }

  long count() {
    return count.get();
  }

  double totalSeconds() {
    return totalNanos.get() / 1e9;
  }

  double maxSeconds() {
    return maxNanos.get() / 1e9;
  }
}
