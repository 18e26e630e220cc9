package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.internal.http.ApiError;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the count of every roll-up bucket at most {@link #CAPACITY} samples, so that no sum of counts, stored or
 * merged by a query, can overflow a {@code long}.
 *
 * <p>Why 2^53: it is the largest count a JSON number (a double in most clients) carries exactly, and a query merges
 * at most 169 hour buckets into one point (a resolution is at most one week: 168 hours, plus one when the point is
 * not hour-aligned), so merged counts stay below 169 &middot; 2^53 &lt; 2^63. A measurement's own count is at most
 * 2^31 - 1 (the parser's limit), so a bucket reaches the capacity only after millions of maximal writes; the write
 * that would take it past is refused as a whole with a 400 naming {@code count}.
 *
 * <p>Concurrent writers: each payload reserves the sum of its counts before it checks, and releases it after it has
 * written. A check adds to the bucket what the payload itself adds to it and every other reservation in flight, so
 * two payloads checked at the same time cannot together pass the capacity. The price is that near the capacity a
 * payload may be refused for counts in flight to other buckets.
 */
final class BucketCapacity {
  /** 2^53 samples. */
  static final long CAPACITY = 1L << 53;

  private final long capacity;
  private final AtomicLong pending = new AtomicLong();

  BucketCapacity(long capacity) {
    this.capacity = capacity;
  }

  /**
   * Reserves the counts of {@code batch} (whose measurements carry their series when it exists) and checks every
   * bucket they go to; returns the amount to {@link #release} after writing, or throws a 400 naming {@code count}.
   */
  long reserve(List<ParsedMeasurement> batch) {
    long total = 0; // at most 2^31 measurements of at most 2^31 - 1 each: no overflow
    for (ParsedMeasurement m : batch) {
      total += m.count;
    }
    long inFlight;
    long before;
    do {
      before = pending.get();
      inFlight = before + total;
      if (inFlight > capacity) {
        throw ApiError.params("count", "the payload's counts add up to " + total + " and payloads being written at"
            + " the same time to " + before + "; together they could pass " + capacity
            + ", the most one roll-up bucket holds");
      }
    } while (!pending.compareAndSet(before, inFlight));
    try {
      long others = inFlight - total;
      for (int i = 0; i < batch.size(); i++) {
        ParsedMeasurement m = batch.get(i);
        // cheap test first: only a series with a bucket near the capacity needs a closer look
        if (m.series != null && m.series.fullestBucket() > capacity - inFlight) {
          long held = m.series.hourCount(m.time);
          long own = ownCount(batch, m);
          if (held > capacity - others - own) {
            throw ApiError.params("count", "measurements[" + i + "] (" + m.name + "): the hour of time " + m.time
                + " holds " + held + " samples; this payload would add " + own + " (and payloads being written at"
                + " the same time up to " + others + " more), past " + capacity
                + ", the most one roll-up bucket holds");
          }
        }
      }
    } catch (ApiError e) {
      release(total);
      throw e;
    }
    return total;
  }

  /** What {@code batch} adds to the widest bucket {@code m} goes to. */
  private static long ownCount(List<ParsedMeasurement> batch, ParsedMeasurement m) {
    long hour = Math.floorDiv(m.time, Series.WIDEST);
    long own = 0;
    for (ParsedMeasurement o : batch) {
      if (o.series == m.series && Math.floorDiv(o.time, Series.WIDEST) == hour) {
        own += o.count;
      }
    }
    return own;
  }

  void release(long reserved) {
    pending.addAndGet(-reserved);
  }
}
