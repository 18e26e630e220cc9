package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.json.BytesTable;
import java.util.Arrays;
import java.util.Map;

/**
 * Tag sets already validated and normalized, keyed by their raw pairs as they appeared on the wire. Clients send the
 * same few tag sets over and over; a hit skips validation, lower-casing and building the sorted map, and hands every
 * measurement of a tag set the same {@link TagMap}, which makes the store's series lookup cheap. Only valid tag sets
 * are kept, so a hit never hides an error. Bounded: emptied when it reaches {@link #MAX_ENTRIES}.
 *
 * <p>Keys are char arrays compared by content (the parser looks up straight from its scratch buffer, without making a
 * String): each name and value prefixed by its length as one char. Names or values longer than {@link #MAX_PART}
 * are invalid anyway and never looked up, which keeps keys unambiguous.
 *
 * <p>A second index keys the same tag sets by the exact bytes of the tag object ({@link #getRaw}): bytes seen before
 * in a valid object are that object again, so the parser can skip reading it.
 *
 * <p>Thread-safe: writers lock; readers do not. An entry's fields are final, so a reader that sees an entry sees it
 * whole; a reader that misses a concurrent insert just validates the set again.
 */
final class TagSetCache {
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_PART = Math.max(NameRules.MAX_TAG_NAME, NameRules.MAX_TAG_VALUE);
  private static final int INITIAL_CAPACITY = 256;
  private static final int MAX_RAW_LENGTH = 2048;

  private static final class Entry {
    final char[] key;
    final int hash;
    final Map<String, String> tags;

    Entry(char[] key, int hash, Map<String, String> tags) {
      this.key = key;
      this.hash = hash;
      this.tags = tags;
    }
  }

  /** Valid tag objects by their exact bytes on the wire, from brace to brace: a hit skips reading the object. */
  private final BytesTable<Map<String, String>> raw = new BytesTable<>(MAX_ENTRIES, MAX_RAW_LENGTH);

  /** Open addressing, linear probing, at most half full; replaced (never shrunk in place) on growth or clearing. */
  private volatile Entry[] table = new Entry[INITIAL_CAPACITY];
  private int size;

  static int hash(char[] key, int length) {
    // The usual 31-polynomial, four chars per step: the same value with a quarter of the multiply chain's latency.
    int h = 0;
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      h = 923_521 * h + 29_791 * key[i] + 961 * key[i + 1] + 31 * key[i + 2] + key[i + 3];
    }
    for (; i < length; i++) {
      h = 31 * h + key[i];
    }
    return h ^ (h >>> 16);
  }

  /** The tags stored for the first {@code length} chars of {@code key}, or null. */
  Map<String, String> get(char[] key, int length, int hash) {
    Entry[] t = table;
    int mask = t.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && Arrays.equals(e.key, 0, e.key.length, key, 0, length)) {
        return e.tags;
      }
    }
  }

  /** The tags of the valid tag object whose bytes are {@code in[offset, offset + length)}, or null. */
  Map<String, String> getRaw(byte[] in, int offset, int length) {
    return raw.get(in, offset, length);
  }

  /** Keeps {@code tags} as the result of the valid tag object written as {@code in[offset, offset + length)}. */
  void putRaw(byte[] in, int offset, int length, Map<String, String> tags) {
    raw.put(in, offset, length, tags);
  }

  synchronized void put(char[] key, int length, int hash, Map<String, String> tags) {
    if (get(key, length, hash) != null) {
      return;
    }
    if (size >= MAX_ENTRIES) {
      table = new Entry[INITIAL_CAPACITY];
      size = 0;
    } else if ((size + 1) * 2 > table.length) {
      Entry[] grown = new Entry[table.length * 2];
      for (Entry e : table) {
        if (e != null) {
          insert(grown, e);
        }
      }
      table = grown;
    }
    insert(table, new Entry(Arrays.copyOf(key, length), hash, tags));
    size++;
  }

  private static void insert(Entry[] t, Entry e) {
    int mask = t.length - 1;
    int i = e.hash & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
  }
}
