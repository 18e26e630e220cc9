package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedInputStream;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Reads queue records of the first format, which earlier versions wrote, so that a queue directory left by one is
 * still delivered after an upgrade. That format kept names as sent (a sender spelled them as the registry does) and
 * every measurement apart:
 *
 * <p>Layout (varints as protobuf writes them): strings {@code n, (length, UTF-8)*}; tag sets {@code n, (pairs,
 * (name index, value index)*)*}; measurements {@code n, (name index, tag set index, time zigzag, kind, numbers)*}
 * where kind {@link BatchRecord#VALUE} is followed by one little-endian double and kind {@link BatchRecord#SUMMARY}
 * by the count and four doubles (sum, min, max, last).
 */
final class LegacyRecord {
  private LegacyRecord() {}

  static void decode(byte[] record, SeriesTable table, UnaryOperator<String> canonical, BatchRecord.Sink sink) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(record);
      String[] strings = new String[in.readUInt32()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = in.readStringRequireUtf8();
      }
      @SuppressWarnings("unchecked")
      Map<String, String>[] tagSets = new Map[in.readUInt32()];
      for (int i = 0; i < tagSets.length; i++) {
        Map<String, String> tags = new TreeMap<>();
        for (int pairs = in.readUInt32(); pairs > 0; pairs--) {
          tags.put(strings[in.readUInt32()], strings[in.readUInt32()]);
        }
        tagSets[i] = tags;
      }
      Map<Long, Integer> numbers = new HashMap<>();
      for (int n = in.readUInt32(); n > 0; n--) {
        int name = in.readUInt32();
        int tags = in.readUInt32();
        Integer number = numbers.get(((long) name << 32) | tags);
        if (number == null) {
          number = numbers.size();
          numbers.put(((long) name << 32) | tags, number);
          sink.series(number, table.series(canonical.apply(strings[name]), tagSets[tags]));
        }
        long time = in.readSInt64();
        int kind = in.readRawByte();
        if (kind == BatchRecord.VALUE) {
          double v = in.readDouble();
          sink.point(number, time, true, 1, v, v, v, v);
        } else if (kind == BatchRecord.SUMMARY) {
          sink.point(number, time, false, in.readUInt64(), in.readDouble(), in.readDouble(), in.readDouble(),
              in.readDouble());
        } else {
          throw new CorruptDataException("a measurement of unknown kind " + kind + " in a record of the first format");
        }
      }
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      throw new CorruptDataException("a record of the first format does not decode: " + e.getMessage());
    }
  }
}
