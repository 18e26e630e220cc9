package dev.appoptics.emulator.internal.forward;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** The lock of a forwarding queue, with the wait of a sender for records and the wake-up that ends it early. */
final class QueueLock extends ReentrantLock {
  private static final long serialVersionUID = 1L;
  private final Condition changed = newCondition();
  private boolean wake;

  /** With the lock held: waits up to {@code millis} until {@code ready} or {@link #wakeUp}, whichever is first. */
  void await(BooleanSupplier ready, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!ready.getAsBoolean() && !wake) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      changed.awaitNanos(left);
    }
    wake = false;
  }

  /** With the lock held: wakes a waiting sender (records arrived). */
  void signalWaiter() {
    changed.signal();
  }

  /** Ends a sender's wait now, whether or not records arrived. */
  void wakeUp() {
    lock();
    try {
      wake = true;
      changed.signalAll();
    } finally {
      unlock();
    }
  }
}
