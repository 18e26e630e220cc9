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
 * #CHUNK_BUCKETS} bucket widths from a start aligned to that span. Each bucket starts with a head: the number of
 * widths since the previous bucket, and a tag saying what follows.
 *
 * <ul>
 *   <li>{@value #TAG_FULL}: count, sum, min, max, last and sum of squares;
 *   <li>a single sample (count 1; sum, min, max and last equal), as most 1-second buckets are: when its value is an
 *       integer number of 10<sup>-k</sup> for some k up to {@value #MAX_SCALE} (a gauge with a few decimals), tag
 *       {@value #TAG_DECIMAL} + k and the difference, in those units, from the chunk's previous single value (a
 *       varint: a wandering gauge takes a byte or two); otherwise {@value #TAG_DOUBLE} and its 8 bytes.
 * </ul>
 *
 * Then, for tiers wider than a second or a full bucket, when in the bucket the sample behind {@code last} came. A
 * chunk is compressed with deflate (java.util.zip, fastest level) when that makes it smaller. It starts with a byte
 * naming its form: {@value #PLAIN} as encoded, {@value #DEFLATED} compressed, then the encoded length. The first
 * forms, {@value #PLAIN_V1} and {@value #DEFLATED_V1} (each single value as its 8 bytes, written before the decimal
 * tags), are still read, so that a data directory from an earlier version opens.
 */
final class BucketCodec {
  static final int CHUNK_BUCKETS = 1024;
  static final int PLAIN_V1 = 0;
  static final int DEFLATED_V1 = 1;
  static final int PLAIN = 2;
  static final int DEFLATED = 3;
  static final int TAG_FULL = 0;
  static final int TAG_DOUBLE = 1;
  static final int TAG_DECIMAL = 2;
  static final int MAX_SCALE = 5;
  private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5};
  private static final double EXACT = 0x1p53;

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
    /** The chunk's previous single value, which a decimal one is written as a difference from. */
    private double previousValue;
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
        previousValue = 0;
      }
      boolean single = LogRecords.single(count, sum, min, max, last, sumSquares);
      long widths = (time - previous) / width;
      if (!single) {
        out.putVarLong(widths << 3 | TAG_FULL);
        out.putVarLong(count).putDouble(sum).putDouble(min).putDouble(max).putDouble(last).putDouble(sumSquares);
      } else {
        int k = scale(sum);
        if (k < 0) {
          out.putVarLong(widths << 3 | TAG_DOUBLE).putDouble(sum);
        } else {
          out.putVarLong(widths << 3 | (TAG_DECIMAL + k));
          out.putSignedVarLong(Math.round(sum * POWERS[k]) - Math.round(previousValue * POWERS[k]));
        }
        previousValue = sum;
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

  /**
   * The smallest k up to {@link #MAX_SCALE} for which {@code value} is exactly an integer number of 10<sup>-k</sup>
   * that a double holds exactly, read back bit for bit by dividing it by 10<sup>k</sup>; -1 when there is none.
   */
  static int scale(double value) {
    for (int k = 0; k <= MAX_SCALE; k++) {
      double scaled = value * POWERS[k];
      if (!(Math.abs(scaled) < EXACT)) {
        return -1;
      }
      long m = Math.round(scaled);
      if (Double.doubleToRawLongBits(m / POWERS[k]) == Double.doubleToRawLongBits(value)) {
        return k;
      }
    }
    return -1;
  }

  /** Restores the buckets {@link Encoder} wrote for {@code tier}'s chunk at {@code chunkStart} into {@code series}. */
  static int decode(byte[] data, int tier, long chunkStart, Series series) {
    int form = data.length == 0 ? -1 : data[0];
    ByteReader in = unpack(data);
    int width = Series.tierWidth(tier);
    boolean first = form == PLAIN_V1 || form == DEFLATED_V1;
    long time = chunkStart;
    double previousValue = 0;
    int n = 0;
    while (in.hasMore()) {
      long head = in.getVarLong();
      int tag;
      if (first) {
        time += (head >>> 1) * width;
        tag = (head & 1) == 1 ? TAG_DOUBLE : TAG_FULL;
      } else {
        time += (head >>> 3) * width;
        tag = (int) (head & 7);
      }
      long count = 1;
      double sum;
      double min;
      double max;
      double last;
      double squares;
      if (tag == TAG_FULL) {
        count = in.getVarLong();
        sum = in.getDouble();
        min = in.getDouble();
        max = in.getDouble();
        last = in.getDouble();
        squares = in.getDouble();
      } else {
        if (tag == TAG_DOUBLE) {
          sum = in.getDouble();
        } else {
          double unit = POWERS[tag - TAG_DECIMAL];
          sum = (Math.round(previousValue * unit) + in.getSignedVarLong()) / unit;
        }
        previousValue = sum;
        min = sum;
        max = sum;
        last = sum;
        squares = sum * sum;
      }
      long lastTime = width > 1 || tag == TAG_FULL ? time + in.getSignedVarLong() : time;
      series.restore(tier, time, count, sum, min, max, last, lastTime, squares);
      n++;
    }
    return n;
  }

  private static ByteReader unpack(byte[] data) {
    ByteReader head = new ByteReader(data);
    int form = head.get();
    if (form == PLAIN || form == PLAIN_V1) {
      return new ByteReader(data, 1, data.length);
    }
    if (form != DEFLATED && form != DEFLATED_V1) {
      throw new CorruptDataException("a chunk of unknown form " + form + " (written by a later version?)");
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
