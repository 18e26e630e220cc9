package dev.appoptics.emulator.internal.forward;

import java.util.Arrays;

/**
 * Numbers objects by identity, 0, 1, 2 … in order of first appearance: the series, names and tag sets of the record
 * a {@link RecordWriter} is writing. The caller supplies each object's hash (a cached one). Emptied for each record and
 * reused; once one large record grew it past a bound, emptying lets its arrays go. Not thread-safe.
 */
final class Numbering {
  private static final int INITIAL = 64;
  private static final int KEEP = 4096;

  private Object[] objects;
  /** Open addressing, at most half full: number + 1, or 0 for an empty slot. */
  private int[] table;
  /** How far a hash moves right to give a slot: the table's size is a power of two. */
  private int shift;
  /** The slot of each number, so that emptying clears only those, and its hash, for growing. */
  private int[] slots;
  private int[] hashes;
  private int count;

  Numbering() {
    allocate(INITIAL);
  }

  /** The number of {@code o}, given its {@code hash}; numbers it when new. */
  int number(Object o, int hash) {
    int mask = table.length - 1;
    for (int slot = (hash * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & mask) {
      int n = table[slot] - 1;
      if (n < 0) {
        return add(o, hash, slot);
      }
      if (objects[n] == o) {
        return n;
      }
    }
  }

  private int add(Object o, int hash, int slot) {
    if ((count + 1) * 2 > table.length) {
      grow();
      return number(o, hash);
    }
    objects[count] = o;
    slots[count] = slot;
    hashes[count] = hash;
    table[slot] = ++count;
    return count - 1;
  }

  /** The object numbered {@code n}. */
  Object get(int n) {
    return objects[n];
  }

  int size() {
    return count;
  }

  void clear() {
    if (objects.length > KEEP) {
      allocate(INITIAL);
    } else {
      for (int n = 0; n < count; n++) {
        table[slots[n]] = 0;
        objects[n] = null;
      }
    }
    count = 0;
  }

  private void grow() {
    Object[] known = Arrays.copyOf(objects, count);
    int[] knownHashes = Arrays.copyOf(hashes, count);
    allocate(objects.length * 2);
    count = 0;
    for (int n = 0; n < known.length; n++) {
      number(known[n], knownHashes[n]);
    }
  }

  private void allocate(int capacity) {
    objects = new Object[capacity];
    slots = new int[capacity];
    hashes = new int[capacity];
    table = new int[capacity * 2];
    shift = Integer.numberOfLeadingZeros(table.length - 1);
  }
}
