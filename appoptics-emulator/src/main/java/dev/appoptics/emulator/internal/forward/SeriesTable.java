package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.ByteReader;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import dev.appoptics.emulator.internal.json.BytesTable;
import dev.appoptics.emulator.internal.store.TagMap;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series a sender has seen. Records name a series by a name and a tag set, each as bytes (see {@link
 * SeriesKeys}); this table knows them by those bytes, looked up straight from the record, so that only a name or a
 * tag set seen for the first time is decoded, and a known series is one map lookup. Bounded between batches: {@link
 * #trim} forgets everything once more than {@link #KEEP} series are known, never in the middle of a batch, so each
 * series of a request stays one object. Not thread-safe: one per sender.
 */
final class SeriesTable {
  static final int KEEP = 100_000;

  /** A name or a tag set, numbered as this table first saw it. */
  record Part<T>(int id, T value) {}

  private final BytesTable<Part<String>> names = new BytesTable<>(Integer.MAX_VALUE, Integer.MAX_VALUE);
  private final BytesTable<Part<Map<String, String>>> tagSets =
      new BytesTable<>(Integer.MAX_VALUE, Integer.MAX_VALUE);
  private final Map<Long, ForwardedSeries> series = new HashMap<>();
  private int nextId;

  /** The name whose bytes (UTF-8) are {@code record[from, to)}. */
  Part<String> name(byte[] record, int from, int to) {
    Part<String> p = names.get(record, from, to - from);
    return p != null ? p : newName(record, from, to);
  }

  private Part<String> newName(byte[] record, int from, int to) {
    Part<String> p = new Part<>(nextId++, new String(record, from, to - from, StandardCharsets.UTF_8));
    names.put(record, from, to - from, p);
    return p;
  }

  /** The tag set whose bytes (without their length) are {@code record[from, to)}. */
  Part<Map<String, String>> tagSet(byte[] record, int from, int to) {
    Part<Map<String, String>> p = tagSets.get(record, from, to - from);
    return p != null ? p : newTagSet(record, from, to);
  }

  private Part<Map<String, String>> newTagSet(byte[] record, int from, int to) {
    ByteReader in = new ByteReader(record, from, to);
    TreeMap<String, String> tags = new TreeMap<>();
    for (int n = in.getCount(to - from); n > 0; n--) {
      tags.put(in.getString(), in.getString());
    }
    if (in.hasMore()) {
      throw new CorruptDataException("a tag set with bytes left over");
    }
    Part<Map<String, String>> p = new Part<>(nextId++, new TagMap(tags));
    tagSets.put(record, from, to - from, p);
    return p;
  }

  /** The series of {@code name} with {@code tags}. */
  ForwardedSeries series(Part<String> name, Part<Map<String, String>> tags) {
    return series.computeIfAbsent(((long) name.id() << 32) | tags.id(),
        k -> new ForwardedSeries(name.value(), tags.value()));
  }

  /** The series of metric {@code name} (as the registry spells it) with {@code tags}. */
  ForwardedSeries series(String name, Map<String, String> tags) {
    byte[] n = SeriesKeys.nameBytes(name);
    byte[] t = SeriesKeys.tagBytes(tags);
    return series(name(n, afterLength(n), n.length), tagSet(t, afterLength(t), t.length));
  }

  /** Where the bytes after the length in front of {@code bytes} start. */
  private static int afterLength(byte[] bytes) {
    ByteReader in = new ByteReader(bytes);
    in.getVarLong();
    return in.position();
  }

  /** Called between batches: forgets every series once more than {@link #KEEP} are known. */
  void trim() {
    if (series.size() > KEEP) {
      names.clear();
      tagSets.clear();
      series.clear();
      nextId = 0;
    }
  }
}
