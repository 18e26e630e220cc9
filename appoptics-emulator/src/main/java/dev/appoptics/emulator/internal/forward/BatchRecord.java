package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.ByteReader;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The body of a forwarding queue record: one accepted batch, as {@link RecordWriter} writes it and a sender reads
 * it. The record first lists the batch's metric names and tag sets, once each, as bytes a sender recognizes without
 * decoding them (see {@link SeriesKeys} and {@link SeriesTable}), and its series as pairs of a name and a tag set;
 * then each measurement, in order, is its series' number, its time and either its value or its summary.
 *
 * <p>Layout (numbers as {@link dev.appoptics.emulator.internal.bytes.ByteWriter} writes them): {@code 0},
 * {@link #FORMAT}; the number of names, each name's length and UTF-8; the number of tag sets, each one's length and
 * its bytes; the number of series, each one's name and tag set numbers; the first measurement's time; the number of
 * measurements, then each one: its series' number times two plus its kind, its time minus the first measurement's,
 * and for {@link #VALUE} one number, for {@link #SUMMARY} the count, sum, min, max and last.
 *
 * <p>Records written before this format (by earlier versions, still found in a queue directory after an upgrade)
 * start with a non-zero byte and are read by {@link LegacyRecord}.
 */
final class BatchRecord {
  static final int FORMAT = 2;
  /** One plain value: one sample. */
  static final int VALUE = 0;
  /** A summary: five samples. */
  static final int SUMMARY = 1;

  private BatchRecord() {}

  /** What reading a record hands out: its series, then its measurements. */
  interface Sink {
    /** Series number {@code number} of the record (numbered from 0) is {@code series}. */
    void series(int number, ForwardedSeries series);

    void point(int series, long time, boolean value, long count, double sum, double min, double max, double last);
  }

  /**
   * Whether a measurement stands for one sample: a {@code value}, or {@code sum} with {@code count} 1 and nothing
   * else, which is how the Python library's queue sends a value (the API stores both the same way).
   */
  static boolean isValue(ParsedMeasurement m) {
    return m.hasValue || (m.count == 1 && m.onlySumAndCount);
  }

  /**
   * Hands every series and measurement of {@code record} to {@code sink}, in order, with series from {@code table};
   * {@code canonical} spells the names of records of the earlier format, which kept names as sent. Throws {@link
   * CorruptDataException} when the record does not decode, or is of a later format than this version reads.
   */
  static void decode(byte[] record, SeriesTable table, UnaryOperator<String> canonical, Sink sink) {
    if (record.length == 0 || record[0] != 0) {
      LegacyRecord.decode(record, table, canonical, sink);
      return;
    }
    ByteReader in = new ByteReader(record);
    in.get();
    int format = in.get();
    if (format != FORMAT) {
      throw new CorruptDataException("a record of format " + format + ", which this version does not read (it reads "
          + FORMAT + " and the format before it)");
    }
    int seriesCount = readSeries(in, record, table, sink);
    long base = in.getSignedVarLong();
    for (int n = in.getCount(record.length); n > 0; n--) {
      long head = in.getVarLong();
      long series = head >>> 1;
      if (series >= seriesCount) {
        throw new CorruptDataException("a measurement of series " + series + " in a record of " + seriesCount);
      }
      long time = base + in.getSignedVarLong();
      if ((head & 1) == VALUE) {
        double v = in.getDouble();
        sink.point((int) series, time, true, 1, v, v, v, v);
      } else {
        sink.point((int) series, time, false, in.getVarLong(), in.getDouble(), in.getDouble(), in.getDouble(),
            in.getDouble());
      }
    }
    if (in.hasMore()) {
      throw new CorruptDataException("a record with " + in.remaining() + " bytes left over");
    }
  }

  /** Reads the names, the tag sets and the series of a record; returns the number of series. */
  private static int readSeries(ByteReader in, byte[] record, SeriesTable table, Sink sink) {
    @SuppressWarnings("unchecked")
    SeriesTable.Part<String>[] names = new SeriesTable.Part[in.getCount(record.length)];
    for (int i = 0; i < names.length; i++) {
      int length = in.getCount(in.remaining());
      names[i] = table.name(record, in.position(), in.position() + length);
      in.skip(length);
    }
    @SuppressWarnings("unchecked")
    SeriesTable.Part<Map<String, String>>[] tagSets = new SeriesTable.Part[in.getCount(record.length)];
    for (int i = 0; i < tagSets.length; i++) {
      int length = in.getCount(in.remaining());
      tagSets[i] = table.tagSet(record, in.position(), in.position() + length);
      in.skip(length);
    }
    int seriesCount = in.getCount(record.length);
    for (int i = 0; i < seriesCount; i++) {
      sink.series(i, table.series(names[in.getCount(names.length - 1)], tagSets[in.getCount(tagSets.length - 1)]));
    }
    return seriesCount;
  }
}
