package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /**
   * What a decoded record hands out, one measurement at a time. {@code series} numbers the record's distinct pairs
   * of name and tag set (from 0, in order of appearance), so that a reader can group without hashing tag maps.
   */
  interface Sink {
    void point(int series, String name, Map<String, String> tags, long time, int kind, long count, double sum,
        double min, double max, double last);
  }

  /** The measurements of {@code batch} that were stored (count above 0); null when there are none. */
  static Encoded encode(List<ParsedMeasurement> batch) {
    IdentityHashMap<String, Integer> strings = new IdentityHashMap<>();
    List<String> stringList = new ArrayList<>();
    IdentityHashMap<Map<String, String>, Integer> tagSets = new IdentityHashMap<>();
    List<Map<String, String>> tagSetList = new ArrayList<>();
    int[] names = new int[batch.size()];
    int[] tags = new int[batch.size()];
    int stored = 0;
    int size = 0;
    for (int i = 0; i < batch.size(); i++) {
      ParsedMeasurement m = batch.get(i);
      if (m.count == 0) {
        continue;
      }
      stored++;
      names[i] = index(strings, stringList, m.name);
      Integer t = tagSets.get(m.tags);
      if (t == null) {
        t = tagSetList.size();
        tagSets.put(m.tags, t);
        tagSetList.add(m.tags);
        size += CodedOutputStream.computeUInt32SizeNoTag(m.tags.size());
        for (Map.Entry<String, String> e : m.tags.entrySet()) {
          size += CodedOutputStream.computeUInt32SizeNoTag(index(strings, stringList, e.getKey()))
              + CodedOutputStream.computeUInt32SizeNoTag(index(strings, stringList, e.getValue()));
        }
      }
      tags[i] = t;
      size += CodedOutputStream.computeUInt32SizeNoTag(names[i]) + CodedOutputStream.computeUInt32SizeNoTag(t)
          + CodedOutputStream.computeSInt64SizeNoTag(m.time) + 1
          + (isValue(m) ? 8 : CodedOutputStream.computeUInt64SizeNoTag(m.count) + 32);
    }
    if (stored == 0) {
      return null;
    }
    size += CodedOutputStream.computeUInt32SizeNoTag(stringList.size())
        + CodedOutputStream.computeUInt32SizeNoTag(tagSetList.size()) + CodedOutputStream.computeUInt32SizeNoTag(stored);
    for (String s : stringList) {
      size += CodedOutputStream.computeStringSizeNoTag(s);
    }
    byte[] bytes = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeUInt32NoTag(stringList.size());
      for (String s : stringList) {
        out.writeStringNoTag(s);
      }
      out.writeUInt32NoTag(tagSetList.size());
      for (Map<String, String> set : tagSetList) {
        out.writeUInt32NoTag(set.size());
        for (Map.Entry<String, String> e : set.entrySet()) {
          out.writeUInt32NoTag(strings.get(e.getKey()));
          out.writeUInt32NoTag(strings.get(e.getValue()));
        }
      }
      out.writeUInt32NoTag(stored);
      for (int i = 0; i < batch.size(); i++) {
        ParsedMeasurement m = batch.get(i);
        if (m.count == 0) {
          continue;
        }
        out.writeUInt32NoTag(names[i]);
        out.writeUInt32NoTag(tags[i]);
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
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the array was sized exactly above
    }
    return new Encoded(bytes, stored);
  }

  /**
   * Whether a measurement stands for one sample: a {@code value}, or {@code sum} with {@code count} 1 and nothing
   * else, which is how the Python library's queue sends a value (the API stores both the same way).
   */
  static boolean isValue(ParsedMeasurement m) {
    return m.hasValue || (m.count == 1 && m.onlySumAndCount);
  }

  /** Hands every measurement of {@code record} to {@code sink}, in order, with tag sets shared through {@code tagSets}. */
  static void decode(byte[] record, TagSets tagSets, Sink sink) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(record);
      String[] strings = new String[in.readUInt32()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = in.readStringRequireUtf8();
      }
      @SuppressWarnings("unchecked")
      Map<String, String>[] tagsByIndex = new Map[in.readUInt32()];
      for (int i = 0; i < tagsByIndex.length; i++) {
        Map<String, String> tags = new TreeMap<>();
        for (int pairs = in.readUInt32(); pairs > 0; pairs--) {
          tags.put(strings[in.readUInt32()], strings[in.readUInt32()]);
        }
        tagsByIndex[i] = tagSets.canonical(java.util.Collections.unmodifiableMap(tags));
      }
      // series numbers by (name, tag set): a flat table when the record is small enough, which it nearly always is
      int[] table = (long) strings.length * tagsByIndex.length <= 1 << 16 ? new int[strings.length * tagsByIndex.length]
          : null;
      java.util.HashMap<Long, Integer> large = table == null ? new java.util.HashMap<>() : null;
      int seriesCount = 0;
      for (int n = in.readUInt32(); n > 0; n--) {
        int nameIndex = in.readUInt32();
        int tagsIndex = in.readUInt32();
        int s;
        if (table != null) {
          int slot = nameIndex * tagsByIndex.length + tagsIndex;
          if (table[slot] == 0) {
            table[slot] = ++seriesCount;
          }
          s = table[slot] - 1;
        } else {
          Integer known = large.putIfAbsent(((long) nameIndex << 32) | tagsIndex, seriesCount);
          s = known == null ? seriesCount++ : known;
        }
        String name = strings[nameIndex];
        Map<String, String> tags = tagsByIndex[tagsIndex];
        long time = in.readSInt64();
        int kind = in.readRawByte();
        if (kind == VALUE) {
          double v = in.readDouble();
          sink.point(s, name, tags, time, VALUE, 1, v, v, v, v);
        } else {
          sink.point(s, name, tags, time, SUMMARY, in.readUInt64(), in.readDouble(), in.readDouble(),
              in.readDouble(), in.readDouble());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("a forwarding queue record does not decode: " + e.getMessage(), e);
    }
  }

  private static int index(IdentityHashMap<String, Integer> strings, List<String> list, String s) {
    Integer known = strings.putIfAbsent(s, list.size());
    if (known != null) {
      return known;
    }
    list.add(s);
    return list.size() - 1;
  }

  /** An encoded record and how many measurements it holds. */
  record Encoded(byte[] bytes, int measurements) {}
}
