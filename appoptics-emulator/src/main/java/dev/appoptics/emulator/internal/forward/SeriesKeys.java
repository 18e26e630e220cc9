package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.store.TagMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How forwarding's queue records name a series: its metric name as the registry spells it, and its tag set, each as
 * bytes that a sender recognizes without decoding them (see {@link SeriesTable}). Request threads share bounded
 * caches of these bytes, so that a series that recurs in payload after payload is encoded once and then copied: one
 * cache of series, looked up for each measurement with the name and tag map instances the store hands out (both cache
 * their hash codes) and compared by identity first, by content second; and one of names and one of tag sets, so that
 * the series of a name or of a tag set share its bytes and a record holds them once.
 *
 * <p>A name's bytes are its length and UTF-8; a tag set's are its length, then the number of tags and each tag's name
 * and value (length, UTF-8) in name order.
 *
 * <p>Thread-safe without locks: each slot holds one immutable entry, and writers racing for a slot just overwrite
 * each other.
 */
final class SeriesKeys {
  private static final int SERIES_BITS = 15;
  private static final int NAME_BITS = 12;
  private static final int TAG_SET_BITS = 14;

  private final Key[] series = new Key[1 << SERIES_BITS];
  private final Part[] names = new Part[1 << NAME_BITS];
  private final Part[] tagSets = new Part[1 << TAG_SET_BITS];

  /** One series: the name and tags it was looked up with, their hashes, and the bytes of each. */
  static final class Key {
    final String name;
    final Map<String, String> tags;
    final int hash;
    final int nameHash;
    final int tagsHash;
    final byte[] nameBytes;
    final byte[] tagBytes;

    private Key(String name, Map<String, String> tags, int nameHash, int tagsHash, byte[] nameBytes,
        byte[] tagBytes) {
      this.name = name;
      this.tags = tags;
      this.hash = nameHash * 31 + tagsHash;
      this.nameHash = nameHash;
      this.tagsHash = tagsHash;
      this.nameBytes = nameBytes;
      this.tagBytes = tagBytes;
    }
  }

  private record Part(Object value, byte[] bytes) {}

  /** The key of metric {@code name} (as the registry spells it) with {@code tags}. */
  Key of(String name, Map<String, String> tags) {
    int nameHash = name.hashCode();
    int tagsHash = tags.hashCode();
    int hash = nameHash * 31 + tagsHash;
    int slot = slot(hash, SERIES_BITS);
    Key k = series[slot];
    if (k != null && ((k.name == name && k.tags == tags)
        || (k.hash == hash && k.name.equals(name) && k.tags.equals(tags)))) {
      return k;
    }
    return add(name, tags, nameHash, tagsHash, slot);
  }

  private Key add(String name, Map<String, String> tags, int nameHash, int tagsHash, int slot) {
    Key k = new Key(name, tags, nameHash, tagsHash, part(names, NAME_BITS, name, nameHash, SeriesKeys::nameBytes),
        part(tagSets, TAG_SET_BITS, tags, tagsHash, SeriesKeys::tagBytes));
    series[slot] = k;
    return k;
  }

  private static <T> byte[] part(Part[] cache, int bits, T value, int hash, Function<T, byte[]> encode) {
    int slot = slot(hash, bits);
    Part p = cache[slot];
    if (p == null || (p.value != value && !p.value.equals(value))) {
      p = new Part(value, encode.apply(value));
      cache[slot] = p;
    }
    return p.bytes;
  }

  private static int slot(int hash, int bits) {
    return (hash * 0x9E3779B9) >>> (32 - bits);
  }

  /** The bytes of a name: its length and UTF-8. */
  static byte[] nameBytes(String name) {
    return new ByteWriter(utf8Bound(name)).putString(name).toByteArray();
  }

  /** The bytes of a tag set: its length, then its tags in name order. */
  static byte[] tagBytes(Map<String, String> tags) {
    int bound = 5;
    for (Map.Entry<String, String> t : tags.entrySet()) {
      bound += utf8Bound(t.getKey()) + utf8Bound(t.getValue());
    }
    ByteWriter body = new ByteWriter(bound).putVarLong(tags.size());
    Map<String, String> sorted = tags instanceof TagMap || tags instanceof SortedMap<String, String> s
        && s.comparator() == null ? tags : new TreeMap<>(tags);
    for (Map.Entry<String, String> t : sorted.entrySet()) {
      body.putString(t.getKey()).putString(t.getValue());
    }
    return new ByteWriter(body.size() + 5).putVarLong(body.size()).putBytes(body.array(), body.size()).toByteArray();
  }

  /**
   * Room enough for {@code s} as a length and UTF-8 (three bytes a char at most), so that writing it never grows
   * the writer: growing only on cold paths keeps it out of the code the JIT compiles into the hot ones.
   */
  private static int utf8Bound(String s) {
    return 3 * s.length() + 5;
  }
}
