package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.store.BucketVisitor;
import dev.appoptics.emulator.internal.store.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of one chunk of one tier of a series, as a checkpoint saves them: the chunk covers {@value
 * #CHUNK_BUCKETS} bucket widths from a start aligned to that span. Each bucket is its time as the number of widths
 * since the previous one, then either its one value (a single sample: count 1, sum, min, max and last equal) or
 * its count, sum, min, max, last and sum of squares, then (for tiers wider than a second) when in the bucket the
 * sample behind {@code last} came. A 1-second bucket of one sample thus takes 9 bytes.
 */
final class BucketCodec {
  static final int CHUNK_BUCKETS = 1024;

  private BucketCodec() {}

  /** The seconds one chunk of {@code tier} covers. */
  static long span(int tier) {
    return (long) Series.tierWidth(tier) * CHUNK_BUCKETS;
  }

  /** The start of the chunk of {@code tier} that holds {@code time}. */
  static long chunkStart(int tier, long time) {
    long span = span(tier);
    return Math.floorDiv(time, span) * span;
  }

  /** One encoded chunk. */
  record Chunk(int tier, long start, int buckets, byte[] data) {}

  /**
   * Encodes the buckets handed over (oldest first, one tier after the other) into chunks. Not thread-safe; one per
   * checkpoint.
   */
  static final class Encoder implements BucketVisitor {
    private final ByteWriter out = new ByteWriter(16 * 1024);
    private final List<Chunk> chunks = new ArrayList<>();
    private int tier;
    private int width;
    private long chunk;
    private long previous;
    private int buckets;

    /** The buckets that follow belong to {@code tier}. */
    void tier(int tier) {
      flush();
      this.tier = tier;
      this.width = Series.tierWidth(tier);
    }

    @Override
    public void bucket(long time, long count, double sum, double min, double max, double last, long lastTime,
        double sumSquares) {
      long start = chunkStart(tier, time);
      if (buckets == 0 || start != chunk) {
        flush();
        chunk = start;
        previous = start;
      }
      boolean single = LogRecords.single(count, sum, min, max, last, sumSquares);
      out.putVarLong(((time - previous) / width) << 1 | (single ? 1 : 0));
      if (single) {
        out.putDouble(sum);
      } else {
        out.putVarLong(count).putDouble(sum).putDouble(min).putDouble(max).putDouble(last).putDouble(sumSquares);
      }
      if (width > 1 || !single) {
        out.putSignedVarLong(lastTime - time);
      }
      previous = time;
      buckets++;
    }

    /** The chunks encoded since the last call. */
    List<Chunk> take() {
      flush();
      List<Chunk> out = List.copyOf(chunks);
      chunks.clear();
      return out;
    }

    private void flush() {
      if (buckets > 0) {
        chunks.add(new Chunk(tier, chunk, buckets, out.toByteArray()));
      }
      out.reset();
      buckets = 0;
    }
  }

  /** Restores the buckets {@link Encoder} wrote for {@code tier}'s chunk at {@code chunkStart} into {@code series}. */
  static int decode(byte[] data, int tier, long chunkStart, Series series) {
    ByteReader in = new ByteReader(data);
    int width = Series.tierWidth(tier);
    long time = chunkStart;
    int n = 0;
    while (in.hasMore()) {
      long head = in.getVarLong();
      time += (head >>> 1) * width;
      boolean single = (head & 1) == 1;
      long count = 1;
      double sum;
      double min;
      double max;
      double last;
      double squares;
      if (single) {
        sum = in.getDouble();
        min = sum;
        max = sum;
        last = sum;
        squares = sum * sum;
      } else {
        count = in.getVarLong();
        sum = in.getDouble();
        min = in.getDouble();
        max = in.getDouble();
        last = in.getDouble();
        squares = in.getDouble();
      }
      long lastTime = width > 1 || !single ? time + in.getSignedVarLong() : time;
      series.restore(tier, time, count, sum, min, max, last, lastTime, squares);
      n++;
    }
    return n;
  }
}
