package dev.appoptics.metrics;

import java.time.Duration;

/** The jobs area: reading a background job, and waiting for it to finish. */
final class Jobs {
  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 2_000;

  private final Rest rest;

  Jobs(Rest rest) {
    this.rest = rest;
  }

  Job get(long id) {
    return SnapshotCodec.job(rest.get(path(id), Query.create()));
  }

  /**
   * Reads the job until it has finished: pauses grow from 100 ms to 2 s between reads, the last one cut to the time
   * left. Complete: returned; failed or canceled: {@link JobFailedException}; still running when {@code timeout}
   * has passed (checked between reads) or when interrupted: {@link JobTimeoutException}.
   */
  Job waitFor(long id, Duration timeout) {
    Check.notNull("timeout", timeout);
    if (timeout.isNegative()) {
      throw ResourceChecks.invalid("timeout", timeout, "must not be negative");
    }
    long start = System.nanoTime();
    long pauseMillis = FIRST_PAUSE_MILLIS;
    while (true) {
      Job job = get(id);
      if (job.state() == JobState.COMPLETE) {
        return job;
      }
      if (job.state().isFinished()) {
        throw new JobFailedException(rest.shownPath(path(id)), job);
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      Duration left = timeout.minus(waited);
      if (left.isNegative() || left.isZero()) {
        throw new JobTimeoutException(rest.shownPath(path(id)), job, waited, null);
      }
      try {
        Thread.sleep(Math.max(1, Math.min(pauseMillis, left.toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JobTimeoutException(rest.shownPath(path(id)), job, Duration.ofNanos(System.nanoTime() - start), e);
      }
      pauseMillis = Math.min(2 * pauseMillis, LONGEST_PAUSE_MILLIS);
    }
  }

  private static String path(long id) {
    return Rest.path("jobs", id);
  }
}
