package dev.appoptics.emulator.internal.measure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canonical Strings for short ASCII texts, looked up by their bytes: field names, tag names and metric names repeat
 * in every measurement of every request, and one shared instance per name saves a String per occurrence (and makes
 * the map lookups that follow hit the String's cached hash code). Bounded: emptied when it reaches its maximum size.
 *
 * <p>Only texts of ASCII bytes without escapes are looked up (the caller checks), so a text's bytes are its chars and
 * {@link #hash} equals {@link String#hashCode()}.
 *
 * <p>Thread-safe: writers lock; readers do not. An entry's fields are final, so a reader that sees an entry sees it
 * whole; a reader that misses a concurrent insert just makes the String again.
 */
final class NameTable {
  /** Longer texts are never kept (no valid metric or tag name is longer). */
  static final int MAX_LENGTH = NameRules.MAX_METRIC_NAME;
  private static final int INITIAL_CAPACITY = 64;

  private static final class Entry {
    final byte[] bytes;
    final int hash;
    final String text;

    Entry(byte[] bytes, int hash, String text) {
      this.bytes = bytes;
      this.hash = hash;
      this.text = text;
    }
  }

  private final int maxEntries;
  /** Open addressing, linear probing, at most half full; replaced (never changed in place) on growth or clearing. */
  private volatile Entry[] table = new Entry[INITIAL_CAPACITY];
  private int size;

  NameTable(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** A table holding exactly {@code texts} (ASCII), for lookups with {@link #get} only. */
  static NameTable of(String... texts) {
    NameTable t = new NameTable(Integer.MAX_VALUE);
    for (String s : texts) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      t.intern(b, 0, b.length, hash(b, 0, b.length));
    }
    return t;
  }

  /** The hash of {@code length} bytes from {@code offset}; for ASCII the same as the String's hash code. */
  static int hash(byte[] in, int offset, int length) {
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + in[i];
    }
    return h;
  }

  /** The String kept for these bytes, or null. */
  String get(byte[] in, int offset, int length, int hash) {
    Entry[] t = table;
    int mask = t.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && Arrays.equals(e.bytes, 0, e.bytes.length, in, offset, offset + length)) {
        return e.text;
      }
    }
  }

  /** The String kept for these ASCII bytes, kept now if it was not and is short enough. */
  String intern(byte[] in, int offset, int length, int hash) {
    String s = get(in, offset, length, hash);
    if (s != null) {
      return s;
    }
    s = new String(in, offset, length, StandardCharsets.ISO_8859_1);
    if (length <= MAX_LENGTH) {
      put(Arrays.copyOfRange(in, offset, offset + length), hash, s);
    }
    return s;
  }

  private synchronized void put(byte[] bytes, int hash, String text) {
    if (get(bytes, 0, bytes.length, hash) != null) {
      return;
    }
    if (size >= maxEntries) {
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
    Entry[] t = table;
    insert(t, new Entry(bytes, hash, text));
    // Publish the filled slot to lock-free readers of this same array.
    table = t;
    size++;
  }

  private static void insert(Entry[] t, Entry e) {
    int mask = t.length - 1;
    int i = spread(e.hash) & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
