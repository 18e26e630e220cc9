package dev.appoptics.emulator.internal.forward;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of an emulator that has no directory for it: records in the heap, bounded like the disk queue, and
 * lost when the process ends (what an in-memory emulator stores is lost then too). Positions are sequence numbers.
 */
final class MemoryQueue implements ForwardQueue {
  private static final int OVERHEAD = 48; // per record, roughly: its object, array header, deque slot

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<QueuedRecord> records = new ArrayDeque<>();
  private long nextPosition;
  private long bytes;
  private boolean wake;

  @Override
  public void append(byte[] body, int measurements, long enqueueMillis) {
    lock.lock();
    try {
      records.add(new QueuedRecord(enqueueMillis, measurements, body, nextPosition++));
      bytes += body.length + OVERHEAD;
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Taken take(int maxMeasurements, long waitMillis) throws InterruptedException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (records.isEmpty() && !wake) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        notEmpty.awaitNanos(left);
      }
      wake = false;
      List<QueuedRecord> out = new ArrayList<>();
      int measurements = 0;
      for (QueuedRecord r : records) {
        if (!out.isEmpty() && measurements + r.measurements() > maxMeasurements) {
          break;
        }
        out.add(r);
        measurements += r.measurements();
      }
      return new Taken(out, out.isEmpty() ? nextPosition : out.get(out.size() - 1).position() + 1);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void remove(Taken taken) {
    lock.lock();
    try {
      while (!records.isEmpty() && records.peekFirst().position() < taken.end()) {
        bytes -= records.pollFirst().body().length + OVERHEAD;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean overtaken(Taken taken) {
    lock.lock();
    try {
      return !taken.isEmpty()
          && (records.isEmpty() || records.peekFirst().position() > taken.records().get(0).position());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long trimTo(long maxBytes) {
    lock.lock();
    try {
      long dropped = 0;
      while (bytes > maxBytes && !records.isEmpty()) {
        QueuedRecord r = records.pollFirst();
        bytes -= r.body().length + OVERHEAD;
        dropped += r.measurements();
      }
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long bytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long records() {
    lock.lock();
    try {
      return records.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long oldestMillis() {
    lock.lock();
    try {
      return records.isEmpty() ? 0 : records.peekFirst().enqueueMillis();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void sync() {}

  @Override
  public void wakeUp() {
    lock.lock();
    try {
      wake = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    wakeUp();
  }
}
