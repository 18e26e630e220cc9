package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.bytes.ByteReader;
import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import dev.appoptics.emulator.internal.store.TagMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of the {@link WriteAheadLog}, written and read back. Bodies start with a type byte:
 *
 * <ul>
 *   <li>{@code SERIES}: a series id, its metric name and tags; written before a segment's first batch that uses
 *       the series, so that each segment names the series it holds;
 *   <li>{@code BATCH}: the measurements of one accepted request, each as its series id and time (as differences
 *       from the previous measurement's) and either one value (a single sample: sum, min, max and last equal) or
 *       count, sum, min, max, last and sum of squares;
 *   <li>{@code DELETE_METRIC}: a metric's data deleted;
 *   <li>{@code CLEAR}: everything deleted.
 * </ul>
 */
final class LogRecords {
  static final int SERIES = 1;
  static final int BATCH = 2;
  static final int DELETE_METRIC = 3;
  static final int CLEAR = 4;
  private static final int MAX_TAGS = 1024;

  private LogRecords() {}

  /** What a record says, handed over as it is read back. */
  interface Reader {
    void series(long id, String metric, Map<String, String> tags);

    /** One measurement of the batch record at {@code position}. */
    void measurement(long position, long seriesId, long time, long count, double sum, double min, double max,
        double last, double sumSquares);

    void deleteMetric(String name);

    void clear();
  }

  static void series(ByteWriter out, Series s) {
    int start = begin(out, SERIES);
    out.putVarLong(s.id()).putString(s.metric()).putVarLong(s.tags().size());
    s.tags().forEach((k, v) -> out.putString(k).putString(v));
    WriteAheadLog.frame(out, start);
  }

  /** The measurements of {@code batch} that hold samples ({@code count} other than 0), with their series set. */
  static void batch(ByteWriter out, List<ParsedMeasurement> batch) {
    int start = begin(out, BATCH);
    int n = 0;
    for (ParsedMeasurement m : batch) {
      if (m.count != 0) {
        n++;
      }
    }
    out.putVarLong(n);
    long id = 0;
    long time = 0;
    for (ParsedMeasurement m : batch) {
      if (m.count == 0) {
        continue;
      }
      boolean single = single(m.count, m.sum, m.min, m.max, m.last, m.squares);
      out.putVarLong((zigzag(m.series.id() - id) << 1) | (single ? 1 : 0));
      out.putSignedVarLong(m.time - time);
      id = m.series.id();
      time = m.time;
      if (single) {
        out.putDouble(m.sum);
      } else {
        out.putVarLong(m.count).putDouble(m.sum).putDouble(m.min).putDouble(m.max).putDouble(m.last)
            .putDouble(m.squares);
      }
    }
    WriteAheadLog.frame(out, start);
  }

  static void deleteMetric(ByteWriter out, String name) {
    int start = begin(out, DELETE_METRIC);
    out.putString(name);
    WriteAheadLog.frame(out, start);
  }

  static void clear(ByteWriter out) {
    WriteAheadLog.frame(out, begin(out, CLEAR));
  }

  /** Whether a summary is one sample, stored as its value alone (compared bit for bit, so nothing changes). */
  static boolean single(long count, double sum, double min, double max, double last, double sumSquares) {
    long bits = Double.doubleToRawLongBits(sum);
    return count == 1 && bits == Double.doubleToRawLongBits(min) && bits == Double.doubleToRawLongBits(max)
        && bits == Double.doubleToRawLongBits(last)
        && Double.doubleToRawLongBits(sumSquares) == Double.doubleToRawLongBits(sum * sum);
  }

  /** Reads the record body {@code bytes[from, to)} found at {@code position}. */
  static void read(long position, byte[] bytes, int from, int to, Reader reader) {
    ByteReader in = new ByteReader(bytes, from, to);
    int type = in.get();
    switch (type) {
      case SERIES -> {
        long id = in.getVarLong();
        String metric = in.getString();
        int n = in.getCount(MAX_TAGS);
        TreeMap<String, String> tags = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          tags.put(in.getString(), in.getString());
        }
        reader.series(id, metric, new TagMap(tags));
      }
      case BATCH -> {
        int n = in.getCount(to - from);
        long id = 0;
        long time = 0;
        for (int i = 0; i < n; i++) {
          long head = in.getVarLong();
          id += unzigzag(head >>> 1);
          time += in.getSignedVarLong();
          if ((head & 1) == 1) {
            double v = in.getDouble();
            reader.measurement(position, id, time, 1, v, v, v, v, v * v);
          } else {
            long count = in.getVarLong();
            reader.measurement(position, id, time, count, in.getDouble(), in.getDouble(), in.getDouble(),
                in.getDouble(), in.getDouble());
          }
        }
      }
      case DELETE_METRIC -> reader.deleteMetric(in.getString());
      case CLEAR -> reader.clear();
      default -> throw new CorruptDataException("unknown record type " + type);
    }
    if (in.hasMore()) {
      throw new CorruptDataException("a record of type " + type + " has bytes left over");
    }
  }

  private static int begin(ByteWriter out, int type) {
    int start = out.size();
    out.putInt(0).putInt(0).put(type);
    return start;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
