package dev.appoptics.emulator.internal.forward;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The bounded first-in first-out queue between accepting a batch and a receiver taking it. Request threads
 * {@link #append}; one sender per destination {@link #take}s the oldest records, delivers them, then
 * {@link #remove}s them, so a record leaves the queue only once the receiver took (or refused) it. The bound is
 * kept by the caller: it checks {@link #bytes()} before accepting, or {@link #trimTo} drops the oldest records.
 */
interface ForwardQueue extends Closeable {
  /**
   * Adds one record, {@code body[0, length)} (the queue keeps its own copy); when this returns the record is as
   * durable as the queue promises.
   */
  void append(byte[] body, int length, int measurements, long enqueueMillis) throws IOException;

  /**
   * The oldest records, together holding at most {@code maxMeasurements} measurements (always at least one record
   * when any is queued); waits up to {@code waitMillis} for one. Empty when none came.
   */
  Taken take(int maxMeasurements, long waitMillis) throws IOException, InterruptedException;

  /** Forgets the records of {@code taken} (those not dropped meanwhile). */
  void remove(Taken taken) throws IOException;

  /** The position of the oldest queued record (or of the next one, when empty). */
  long headPosition();

  /** Whether some of {@code taken} was dropped by {@link #trimTo} since it was taken. */
  default boolean overtaken(Taken taken) {
    return !taken.isEmpty() && headPosition() > taken.records().get(0).position();
  }

  /** Drops the oldest records until at most {@code maxBytes} are queued; returns the measurements dropped. */
  long trimTo(long maxBytes) throws IOException;

  /** Bytes queued. */
  long bytes();

  /** Records queued. */
  long records();

  /** When the oldest queued record was appended (epoch ms), or 0 when the queue is empty. */
  long oldestMillis();

  /** Makes everything appended so far durable (a no-op in memory). */
  void sync() throws IOException;

  /** Wakes a sender waiting in {@link #take}. */
  void wakeUp();

  /** One queued record: when it was appended, how many measurements it holds, where it sits in the queue. */
  record QueuedRecord(long enqueueMillis, int measurements, byte[] body, long position) {}

  /** Records taken for delivery, and the queue position just after the last one. */
  record Taken(List<QueuedRecord> records, long end) {
    int measurements() {
      int n = 0;
      for (QueuedRecord r : records) {
        n += r.measurements();
      }
      return n;
    }

    boolean isEmpty() {
      return records.isEmpty();
    }

    /** The first {@code n} of these records, as if only they had been taken. */
    Taken first(int n) {
      return n == records.size() ? this : new Taken(records.subList(0, n), records.get(n).position());
    }
  }
}
