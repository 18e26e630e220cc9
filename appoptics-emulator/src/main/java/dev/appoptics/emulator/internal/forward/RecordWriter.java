package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import java.util.Arrays;
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
  /** The most a point takes: series and kind, time, count (varints), four numbers. */
  private static final int MAX_POINT_BYTES = 3 * 10 + 4 * 8;

  private final SeriesKeys keys;
  private final MetricDescriptions descriptions;
  private ByteWriter out = new ByteWriter(INITIAL_BYTES);
  private byte[] points = new byte[INITIAL_BYTES];
  private int pointBytes;
  private long base;
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
      int measurements = writePoints(batch);
      return measurements == 0 ? null : finish(measurements);
    } finally {
      reset();
    }
  }

  /**
   * Writes each stored measurement of {@code batch} as a point: its series' number times two plus its kind, its
   * time minus the first one's, and its numbers; returns how many. This runs for every measurement on the request's
   * thread, so it writes straight into an array, with one check for room per point.
   */
  private int writePoints(List<ParsedMeasurement> batch) {
    int measurements = 0;
    byte[] b = points;
    int at = 0;
    for (int i = 0, n = batch.size(); i < n; i++) {
      ParsedMeasurement m = batch.get(i);
      if (m.count == 0) {
        continue;
      }
      if (measurements++ == 0) {
        base = m.time;
      }
      if (at + MAX_POINT_BYTES > b.length) {
        b = points = Arrays.copyOf(b, b.length * 2);
      }
      long delta = m.time - base;
      if (BatchRecord.isValue(m)) {
        at = ByteWriter.putVarLong(b, at, (long) seriesNumber(m) << 1 | BatchRecord.VALUE);
        at = ByteWriter.putVarLong(b, at, (delta << 1) ^ (delta >> 63));
        at = ByteWriter.putDouble(b, at, m.last);
      } else {
        at = ByteWriter.putVarLong(b, at, (long) seriesNumber(m) << 1 | BatchRecord.SUMMARY);
        at = ByteWriter.putVarLong(b, at, (delta << 1) ^ (delta >> 63));
        at = ByteWriter.putVarLong(b, at, m.count);
        at = ByteWriter.putDouble(b, at, m.sum);
        at = ByteWriter.putDouble(b, at, m.min);
        at = ByteWriter.putDouble(b, at, m.max);
        at = ByteWriter.putDouble(b, at, m.last);
      }
    }
    pointBytes = at;
    return measurements;
  }

  /** The record: its names, tag sets and series, then the points written. */
  private Encoded finish(int measurements) {
    writeSeries();
    out.putSignedVarLong(base).putVarLong(measurements).putBytes(points, pointBytes);
    return new Encoded(out.array(), out.size(), measurements);
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
    points = points.length > KEEP_BYTES ? new byte[INITIAL_BYTES] : points;
    out.reset();
    pointBytes = 0;
  }
}
