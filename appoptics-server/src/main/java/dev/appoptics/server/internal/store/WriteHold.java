package dev.appoptics.server.internal.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Holds writers back while a snapshot is taken and answered: a writer calls {@link #await} at the start of its
 * turn, under the monitor that orders the writes, and waits there from {@link #hold} until {@link #release}, which
 * any thread may call (the one that sends the snapshot's answer). Should the release never come, the hold ends by
 * itself after its longest time, with a warning, so writes can never stay stopped.
 */
final class WriteHold {
  private static final System.Logger LOG = System.getLogger(WriteHold.class.getName());

  private final Object monitor;
  /** When the hold ends at the latest ({@link System#nanoTime()}); 0 while there is none. Guarded by monitor. */
  private long until;

  /** {@code monitor}: the lock writers hold when they call {@link #await}. */
  WriteHold(Object monitor) {
    this.monitor = monitor;
  }

  /** Holds writers from now until {@link #release}, or {@code longest} at most. */
  void hold(Duration longest) {
    synchronized (monitor) {
      until = Math.max(1, System.nanoTime() + longest.toNanos());
    }
  }

  /** Lets the writers go on; idempotent. */
  void release() {
    synchronized (monitor) {
      until = 0;
      monitor.notifyAll();
    }
  }

  /** Waits while writes are held. Call holding the monitor. */
  void await() {
    boolean interrupted = false;
    while (until != 0) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        LOG.log(System.Logger.Level.WARNING, "a snapshot held writes longer than it may; letting them go on");
        release();
        break;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
