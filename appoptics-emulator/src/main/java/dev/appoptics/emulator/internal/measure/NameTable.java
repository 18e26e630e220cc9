package dev.appoptics.emulator.internal.measure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canonical Strings for short ASCII texts, looked up by their bytes: field names, tag names and metric names repeat
 * in every measurement of every request, and one shared instance per name saves a String per occurrence (and makes
 * the map lookups that follow hit the String's cached hash code). Bounded: emptied when it reaches its maximum size.
 *
 * <p>Texts are compared and hashed eight bytes at a time: a text of up to 16 bytes is two longs, which makes a lookup
 * a few loads and multiplications instead of a byte loop and an array comparison. Only texts of ASCII bytes without
 * escapes are looked up (the caller checks), so a text's bytes are its chars.
 *
 * <p>Thread-safe: writers lock; readers do not. An entry's fields are final, so a reader that sees an entry sees it
 * whole; a reader that misses a concurrent insert just makes the String again.
 */
final class NameTable {
  /** Longer texts are never kept (no valid metric or tag name is longer). */
  static final int MAX_LENGTH = NameRules.MAX_METRIC_NAME;
  private static final int INITIAL_CAPACITY = 64;
  private static final long MIX = 0x9E3779B97F4A7C15L;
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final class Entry {
    final int length;
    final long first;
    final long second;
    /** The bytes after the first 16, for longer texts. */
    final byte[] rest;
    final int hash;
    final String text;

    Entry(int length, long first, long second, byte[] rest, int hash, String text) {
      this.length = length;
      this.first = first;
      this.second = second;
      this.rest = rest;
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

  /** The String kept for these bytes, or null. */
  String get(byte[] in, int offset, int length) {
    long first = word(in, offset, Math.min(length, 8));
    long second = length > 8 ? word(in, offset + 8, Math.min(length - 8, 8)) : 0;
    return find(table, in, offset, length, first, second, hash(in, offset, length, first, second));
  }

  /** The String kept for these ASCII bytes, kept now if it was not and is short enough. */
  String intern(byte[] in, int offset, int length) {
    long first = word(in, offset, Math.min(length, 8));
    long second = length > 8 ? word(in, offset + 8, Math.min(length - 8, 8)) : 0;
    int hash = hash(in, offset, length, first, second);
    String s = find(table, in, offset, length, first, second, hash);
    if (s != null) {
      return s;
    }
    s = new String(in, offset, length, StandardCharsets.ISO_8859_1);
    if (length <= MAX_LENGTH) {
      byte[] rest = length > 16 ? Arrays.copyOfRange(in, offset + 16, offset + length) : null;
      put(new Entry(length, first, second, rest, hash, s), in, offset);
    }
    return s;
  }

  /** The bytes {@code [offset, offset + length)}, {@code length <= 8}, as a little-endian long, zero above. */
  static long word(byte[] in, int offset, int length) {
    if (offset + 8 <= in.length) {
      long w = (long) LONGS.get(in, offset);
      return length >= 8 ? w : w & ((1L << (length << 3)) - 1);
    }
    long w = 0;
    for (int i = length - 1; i >= 0; i--) {
      w = w << 8 | (in[offset + i] & 0xff);
    }
    return w;
  }

  private static int hash(byte[] in, int offset, int length, long first, long second) {
    long h = ((length * MIX ^ first) * MIX ^ second) * MIX;
    for (int k = 16; k < length; k += 8) {
      h = (h ^ word(in, offset + k, Math.min(8, length - k))) * MIX;
    }
    return (int) (h >>> 32);
  }

  private static String find(Entry[] t, byte[] in, int offset, int length, long first, long second, int hash) {
    int mask = t.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && e.length == length && e.first == first && e.second == second
          && (length <= 16 || Arrays.equals(e.rest, 0, e.rest.length, in, offset + 16, offset + length))) {
        return e.text;
      }
    }
  }

  private synchronized void put(Entry e, byte[] in, int offset) {
    if (find(table, in, offset, e.length, e.first, e.second, e.hash) != null) {
      return;
    }
    if (size >= maxEntries) {
      table = new Entry[INITIAL_CAPACITY];
      size = 0;
    } else if ((size + 1) * 2 > table.length) {
      Entry[] grown = new Entry[table.length * 2];
      for (Entry old : table) {
        if (old != null) {
          insert(grown, old);
        }
      }
      table = grown;
    }
    Entry[] t = table;
    insert(t, e);
    table = t; // publishes the filled slot to lock-free readers of this same array
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
