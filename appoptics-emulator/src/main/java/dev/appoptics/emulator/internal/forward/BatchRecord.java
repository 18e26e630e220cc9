package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One accepted batch as the forwarding queue keeps it: compact, and cheap to write on the request's thread. Names and
 * tag sets are written once per record (the parser shares their instances across a payload) and referred to by
 * index; each measurement is then its name, tag set, time and either its value or its summary.
 *
 * <p>Layout (varints as protobuf writes them): strings {@code n, (length, UTF-8)*}; tag sets {@code n, (pairs,
 * (name index, value index)*)*}; measurements {@code n, (name index, tag set index, time zigzag, kind, numbers)*}
 * where kind {@link #VALUE} is followed by one double and kind {@link #SUMMARY} by the count and four doubles (sum,
 * min, max, last).
 */
final class BatchRecord {
  static final int VALUE = 0;
  static final int SUMMARY = 1;

  private BatchRecord() {}

  /** What a decoded record hands out, one measurement at a time. */
  interface Sink {
    void point(String name, Map<String, String> tags, long time, int kind, long count, double sum, double min,
        double max, double last);
  }

  /** The measurements of {@code batch} that were stored (count above 0); null when there are none. */
  static Encoded encode(List<ParsedMeasurement> batch) {
    IdentityHashMap<String, Integer> strings = new IdentityHashMap<>();
    List<String> stringList = new java.util.ArrayList<>();
    IdentityHashMap<Map<String, String>, Integer> tagSets = new IdentityHashMap<>();
    List<Map<String, String>> tagSetList = new java.util.ArrayList<>();
    int stored = 0;
    for (ParsedMeasurement m : batch) {
      if (m.count == 0) {
        continue;
      }
      stored++;
      index(strings, stringList, m.name);
      if (tagSets.putIfAbsent(m.tags, tagSetList.size()) == null) {
        tagSetList.add(m.tags);
        for (Map.Entry<String, String> t : m.tags.entrySet()) {
          index(strings, stringList, t.getKey());
          index(strings, stringList, t.getValue());
        }
      }
    }
    if (stored == 0) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + stored * 24);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 8192);
    try {
      out.writeUInt32NoTag(stringList.size());
      for (String s : stringList) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeUInt32NoTag(utf8.length);
        out.writeRawBytes(utf8);
      }
      out.writeUInt32NoTag(tagSetList.size());
      for (Map<String, String> tags : tagSetList) {
        out.writeUInt32NoTag(tags.size());
        for (Map.Entry<String, String> t : tags.entrySet()) {
          out.writeUInt32NoTag(strings.get(t.getKey()));
          out.writeUInt32NoTag(strings.get(t.getValue()));
        }
      }
      out.writeUInt32NoTag(stored);
      for (ParsedMeasurement m : batch) {
        if (m.count == 0) {
          continue;
        }
        out.writeUInt32NoTag(strings.get(m.name));
        out.writeUInt32NoTag(tagSets.get(m.tags));
        out.writeSInt64NoTag(m.time);
        if (isValue(m)) {
          out.writeRawByte(VALUE);
          out.writeDoubleNoTag(m.last);
        } else {
          out.writeRawByte(SUMMARY);
          out.writeUInt64NoTag(m.count);
          out.writeDoubleNoTag(m.sum);
          out.writeDoubleNoTag(m.min);
          out.writeDoubleNoTag(m.max);
          out.writeDoubleNoTag(m.last);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return new Encoded(bytes.toByteArray(), stored);
  }

  /**
   * Whether a measurement stands for one sample: a {@code value}, or {@code sum} with {@code count} 1 and nothing
   * else, which is how the Python library's queue sends a value (the API stores both the same way).
   */
  static boolean isValue(ParsedMeasurement m) {
    return m.hasValue || (m.count == 1 && m.onlySumAndCount);
  }

  /** Hands every measurement of {@code record} to {@code sink}, in order. */
  static void decode(byte[] record, Sink sink) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(record);
      String[] strings = new String[in.readUInt32()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = new String(in.readRawBytes(in.readUInt32()), StandardCharsets.UTF_8);
      }
      @SuppressWarnings("unchecked")
      Map<String, String>[] tagSets = new Map[in.readUInt32()];
      for (int i = 0; i < tagSets.length; i++) {
        Map<String, String> tags = new TreeMap<>();
        for (int pairs = in.readUInt32(); pairs > 0; pairs--) {
          tags.put(strings[in.readUInt32()], strings[in.readUInt32()]);
        }
        tagSets[i] = java.util.Collections.unmodifiableMap(tags);
      }
      for (int n = in.readUInt32(); n > 0; n--) {
        String name = strings[in.readUInt32()];
        Map<String, String> tags = tagSets[in.readUInt32()];
        long time = in.readSInt64();
        int kind = in.readRawByte();
        if (kind == VALUE) {
          double v = in.readDouble();
          sink.point(name, tags, time, VALUE, 1, v, v, v, v);
        } else {
          sink.point(name, tags, time, SUMMARY, in.readUInt64(), in.readDouble(), in.readDouble(), in.readDouble(),
              in.readDouble());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("a forwarding queue record does not decode: " + e.getMessage(), e);
    }
  }

  private static void index(IdentityHashMap<String, Integer> strings, List<String> list, String s) {
    if (strings.putIfAbsent(s, list.size()) == null) {
      list.add(s);
    }
  }

  /** An encoded record and how many measurements it holds. */
  record Encoded(byte[] bytes, int measurements) {}
}
