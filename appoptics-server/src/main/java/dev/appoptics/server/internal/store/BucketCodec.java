package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.bytes.ByteReader;
import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import dev.appoptics.emulator.internal.store.BucketVisitor;
import dev.appoptics.emulator.internal.store.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The buckets of one chunk of one tier of a series, as a checkpoint saves them: the chunk covers {@value
 * #CHUNK_BUCKETS} bucket widths from a start aligned to that span. Each bucket is its time as the number of widths
 * since the previous one, then either its one value (a single sample: count 1, sum, min, max and last equal) or
 * its count, sum, min, max, last and sum of squares, then (for tiers wider than a second) when in the bucket the
 * sample behind {@code last} came. A 1-second bucket of one sample thus takes 9 bytes, before the chunk is
 * compressed with deflate (java.util.zip, fastest level: gauges with a few decimals shrink to about a third).
 * A chunk starts with a byte naming its form: {@value #PLAIN} as encoded, {@value #DEFLATED} compressed, then the
 * encoded length.
 */
final class BucketCodec {
  static final int CHUNK_BUCKETS = 1024;
  static final int PLAIN = 0;
  static final int DEFLATED = 1;

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
   * checkpoint, closed after it.
   */
  static final class Encoder implements BucketVisitor, AutoCloseable {
    private final ByteWriter out = new ByteWriter(16 * 1024);
    private final ByteWriter packed = new ByteWriter(16 * 1024);
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
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
        chunks.add(new Chunk(tier, chunk, buckets, pack()));
      }
      out.reset();
      buckets = 0;
    }

    @Override
    public void close() {
      deflater.end();
    }

    /** The chunk deflated, or as it is when deflate does not make it smaller. */
    private byte[] pack() {
      packed.reset();
      packed.put(DEFLATED).putVarLong(out.size());
      deflater.reset();
      deflater.setInput(out.array(), 0, out.size());
      deflater.finish();
      byte[] buffer = new byte[out.size()];
      int length = 0;
      while (!deflater.finished() && length < buffer.length) {
        length += deflater.deflate(buffer, length, buffer.length - length);
      }
      if (!deflater.finished() || packed.size() + length >= out.size() + 1) {
        packed.reset();
        return packed.put(PLAIN).putBytes(out.array(), out.size()).toByteArray();
      }
      return packed.putBytes(buffer, length).toByteArray();
    }
  }

  /** Restores the buckets {@link Encoder} wrote for {@code tier}'s chunk at {@code chunkStart} into {@code series}. */
  static int decode(byte[] data, int tier, long chunkStart, Series series) {
    ByteReader in = unpack(data);
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

  private static ByteReader unpack(byte[] data) {
    ByteReader head = new ByteReader(data);
    int form = head.get();
    if (form == PLAIN) {
      return new ByteReader(data, 1, data.length);
    }
    if (form != DEFLATED) {
      throw new CorruptDataException("a chunk of unknown form " + form);
    }
    int length = head.getCount(CHUNK_BUCKETS * 64);
    int offset = data.length - head.remaining();
    byte[] plain = new byte[length];
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data, offset, data.length - offset);
      int n = 0;
      while (n < length && !inflater.finished()) {
        int got = inflater.inflate(plain, n, length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != length) {
        throw new CorruptDataException("a deflated chunk gave " + n + " of its " + length + " bytes");
      }
    } catch (DataFormatException e) {
      throw new CorruptDataException("a deflated chunk does not inflate: " + e.getMessage());
    } finally {
      inflater.end();
    }
    return new ByteReader(plain);
  }
}
