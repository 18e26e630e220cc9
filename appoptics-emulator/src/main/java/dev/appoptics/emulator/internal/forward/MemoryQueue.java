package dev.appoptics.emulator.internal.forward;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The queue of an emulator that has no directory for it: records in the heap, bounded like the disk queue, and
 * lost when the process ends (what an in-memory emulator stores is lost then too). Positions are sequence numbers.
 */
final class MemoryQueue implements ForwardQueue {
  private static final int OVERHEAD = 48; // per record, roughly: its object, array header, deque slot

  private final QueueLock lock = new QueueLock();
  private final ArrayDeque<QueuedRecord> records = new ArrayDeque<>();
  private long nextPosition;
  // written under the lock, read without it
  private volatile long bytes;
  private volatile long count;
  private volatile long oldestMillis;
  private volatile long headPosition;

  @Override
  public void append(byte[] body, int length, int measurements, long enqueueMillis) {
    byte[] copy = Arrays.copyOf(body, length);
    lock.lock();
    try {
      records.add(new QueuedRecord(enqueueMillis, measurements, copy, nextPosition++));
      bytes += length + OVERHEAD;
      counted();
      lock.signalWaiter();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Taken take(int maxMeasurements, long waitMillis) throws InterruptedException {
    lock.lock();
    try {
      lock.await(() -> !records.isEmpty(), waitMillis);
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
      counted();
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
      counted();
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public long records() {
    return count;
  }

  @Override
  public long oldestMillis() {
    return oldestMillis;
  }

  /** Updates the figures read without the lock; called with it held. */
  private void counted() {
    count = records.size();
    oldestMillis = records.isEmpty() ? 0 : records.peekFirst().enqueueMillis();
    headPosition = records.isEmpty() ? nextPosition : records.peekFirst().position();
  }

  @Override
  public long headPosition() {
    return headPosition;
  }

  @Override
  public void sync() {}

  @Override
  public void wakeUp() {
    lock.wakeUp();
  }

  @Override
  public void close() {
    wakeUp();
  }
}
