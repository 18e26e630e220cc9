package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import java.util.List;

/**
 * Writes an accepted batch as one queue record (the current format of {@link BatchRecord}) on the request's thread,
 * doing as little as it can there: each measurement is its series' number in the record, its time and its numbers;
 * each series of the record is looked up once by its key (see {@link SeriesKeys}), whose name and tag set the record
 * then holds once, copied as bytes.
 *
 * <p>Not thread-safe: each request thread uses its own, which keeps its buffers between batches (up to a bound).
 */
final class RecordWriter {
  private static final int INITIAL_BYTES = 16 * 1024;
  private static final int KEEP_BYTES = 256 * 1024;

  private final SeriesKeys keys;
  private final MetricDescriptions descriptions;
  private ByteWriter out = new ByteWriter(INITIAL_BYTES);
  private ByteWriter points = new ByteWriter(INITIAL_BYTES);
  private final Numbering series = new Numbering();
  private final Numbering names = new Numbering();
  private final Numbering tagSets = new Numbering();
  private int[] nameOf = new int[64];
  private int[] tagSetOf = new int[64];

  /** {@code descriptions} spell the names of measurements that come without their store series. */
  RecordWriter(SeriesKeys keys, MetricDescriptions descriptions) {
    this.keys = keys;
    this.descriptions = descriptions;
  }

  /** A record's bytes, {@code bytes[0, length)}, and how many measurements it holds. */
  record Encoded(byte[] bytes, int length, int measurements) {}

  /**
   * The record of the measurements of {@code batch} that were stored (count above 0), or null when there are none.
   * Its bytes belong to this writer: use them before its next call.
   */
  Encoded encode(List<ParsedMeasurement> batch) {
    try {
      int measurements = 0;
      long base = 0;
      for (ParsedMeasurement m : batch) {
        if (m.count == 0) {
          continue;
        }
        if (measurements++ == 0) {
          base = m.time;
        }
        long head = (long) seriesNumber(m) << 1;
        if (BatchRecord.isValue(m)) {
          points.putVarLong(head | BatchRecord.VALUE).putSignedVarLong(m.time - base).putDouble(m.last);
        } else {
          points.putVarLong(head | BatchRecord.SUMMARY).putSignedVarLong(m.time - base).putVarLong(m.count)
              .putDouble(m.sum).putDouble(m.min).putDouble(m.max).putDouble(m.last);
        }
      }
      if (measurements == 0) {
        return null;
      }
      writeSeries();
      out.putSignedVarLong(base).putVarLong(measurements).putBytes(points.array(), points.size());
      return new Encoded(out.array(), out.size(), measurements);
    } finally {
      reset();
    }
  }

  /**
   * The number in this record of the series of {@code m}: numbered by its store series (several numbers for one
   * series, should the store have replaced it during the batch, are harmless: the sender knows series by their
   * name and tags), or by its key when it comes without one.
   */
  private int seriesNumber(ParsedMeasurement m) {
    Series s = m.series;
    if (s != null) {
      return series.number(s, Long.hashCode(s.id()));
    }
    SeriesKeys.Key key = keys.of(descriptions.describe(m.name).map(MetricInfo::name).orElse(m.name), m.tags);
    return series.number(key, key.hash);
  }

  /** Writes the head of the record: its names, its tag sets, and each series as a name and a tag set. */
  private void writeSeries() {
    int n = series.size();
    if (nameOf.length < n) {
      nameOf = new int[Math.max(n, nameOf.length * 2)];
      tagSetOf = new int[nameOf.length];
    }
    for (int i = 0; i < n; i++) {
      SeriesKeys.Key key = series.get(i) instanceof Series s ? keys.of(s.metric(), s.tags())
          : (SeriesKeys.Key) series.get(i);
      nameOf[i] = names.number(key.nameBytes, key.nameHash);
      tagSetOf[i] = tagSets.number(key.tagBytes, key.tagsHash);
    }
    out.put(0).put(BatchRecord.FORMAT);
    writeAll(names);
    writeAll(tagSets);
    out.putVarLong(n);
    for (int i = 0; i < n; i++) {
      out.putVarLong(nameOf[i]).putVarLong(tagSetOf[i]);
    }
  }

  private void writeAll(Numbering parts) {
    out.putVarLong(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      byte[] bytes = (byte[]) parts.get(i);
      out.putBytes(bytes, bytes.length);
    }
  }

  /** Empties the writer for the next batch; buffers that one large batch grew are let go. */
  private void reset() {
    series.clear();
    names.clear();
    tagSets.clear();
    if (nameOf.length > KEEP_BYTES / 64) {
      nameOf = new int[64];
      tagSetOf = new int[64];
    }
    out = out.array().length > KEEP_BYTES ? new ByteWriter(INITIAL_BYTES) : out;
    points = points.array().length > KEEP_BYTES ? new ByteWriter(INITIAL_BYTES) : points;
    out.reset();
    points.reset();
  }
}
