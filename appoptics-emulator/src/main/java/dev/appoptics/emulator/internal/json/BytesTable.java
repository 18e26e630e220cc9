package dev.appoptics.emulator.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A bounded map from byte sequences to values, looked up straight from a request body without copying: names that
 * repeat in every measurement (their canonical Strings) and tag objects that repeat byte for byte (their validated
 * tags). Emptied when it reaches its maximum size; sequences longer than its maximum length are never kept.
 *
 * <p>Keys are hashed and compared eight bytes at a time: a key of up to 16 bytes is two longs, which makes a lookup
 * a few loads and multiplications instead of a byte loop and an array comparison.
 *
 * <p>Thread-safe: writers lock; readers do not. An entry's fields are final, so a reader that sees an entry sees it
 * whole; a reader that misses a concurrent insert just does the work again.
 */
public final class BytesTable<V> {
  private static final int INITIAL_CAPACITY = 64;
  private static final long MIX = 0x9E3779B97F4A7C15L;
  /** Little-endian eight-byte loads from byte arrays. */
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final class Entry<V> {
    final int length;
    final long first;
    final long second;
    /** The bytes after the first 16, for longer keys, as words like {@code first} and {@code second}. */
    final long[] rest;
    final int hash;
    final V value;

    Entry(int length, long first, long second, long[] rest, int hash, V value) {
      this.length = length;
      this.first = first;
      this.second = second;
      this.rest = rest;
      this.hash = hash;
      this.value = value;
    }
  }

  private final int maxEntries;
  private final int maxLength;
  /** Open addressing, linear probing, at most half full; replaced (never changed in place) on growth or clearing. */
  private volatile Entry<V>[] table = newTable(INITIAL_CAPACITY);
  private int size;

  public BytesTable(int maxEntries, int maxLength) {
    this.maxEntries = maxEntries;
    this.maxLength = maxLength;
  }

  /** The value kept for {@code in[offset, offset + length)}, or null. */
  public V get(byte[] in, int offset, int length) {
    long first = word(in, offset, Math.min(length, 8));
    long second = length > 8 ? word(in, offset + 8, Math.min(length - 8, 8)) : 0;
    int hash = hash(in, offset, length, first, second);
    Entry<V>[] t = table;
    int mask = t.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry<V> e = t[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && e.length == length && e.first == first && e.second == second
          && (length <= 16 || sameRest(e.rest, in, offset, length))) {
        return e.value;
      }
    }
  }

  /** Keeps {@code value} for {@code in[offset, offset + length)} unless that key is too long or already kept. */
  public synchronized void put(byte[] in, int offset, int length, V value) {
    if (length > maxLength || get(in, offset, length) != null) {
      return;
    }
    long first = word(in, offset, Math.min(length, 8));
    long second = length > 8 ? word(in, offset + 8, Math.min(length - 8, 8)) : 0;
    long[] rest = null;
    if (length > 16) {
      rest = new long[(length - 16 + 7) / 8];
      for (int k = 0; k < rest.length; k++) {
        rest[k] = word(in, offset + 16 + 8 * k, Math.min(8, length - 16 - 8 * k));
      }
    }
    Entry<V> e = new Entry<>(length, first, second, rest, hash(in, offset, length, first, second), value);
    if (size >= maxEntries) {
      table = newTable(INITIAL_CAPACITY);
      size = 0;
    } else if ((size + 1) * 2 > table.length) {
      Entry<V>[] grown = newTable(table.length * 2);
      for (Entry<V> old : table) {
        if (old != null) {
          insert(grown, old);
        }
      }
      table = grown;
    }
    Entry<V>[] t = table;
    insert(t, e);
    table = t; // publishes the filled slot to lock-free readers of this same array
    size++;
  }

  /** How many keys are kept. */
  public synchronized int size() {
    return size;
  }

  /** Forgets every key. */
  public synchronized void clear() {
    table = newTable(INITIAL_CAPACITY);
    size = 0;
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
    // Two independent lanes over the words after the first two halve the chain of dependent multiplications.
    long h = (length * MIX ^ first) * MIX;
    long g = second * MIX;
    int k = 16;
    for (; k + 16 <= length; k += 16) {
      h = (h ^ (long) LONGS.get(in, offset + k)) * MIX;
      g = (g ^ (long) LONGS.get(in, offset + k + 8)) * MIX;
    }
    for (; k < length; k += 8) {
      h = (h ^ word(in, offset + k, Math.min(8, length - k))) * MIX;
    }
    h = (h ^ g) * MIX;
    return (int) (h >>> 32);
  }

  private static boolean sameRest(long[] rest, byte[] in, int offset, int length) {
    for (int k = 0; k < rest.length; k++) {
      int at = offset + 16 + 8 * k;
      if (rest[k] != word(in, at, Math.min(8, length - 16 - 8 * k))) {
        return false;
      }
    }
    return true;
  }

  private static <V> void insert(Entry<V>[] t, Entry<V> e) {
    int mask = t.length - 1;
    int i = e.hash & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
  }

  @SuppressWarnings("unchecked")
  private static <V> Entry<V>[] newTable(int capacity) {
    return (Entry<V>[]) new Entry<?>[capacity];
  }
}
