package dev.appoptics.server.internal.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote. A read past the end, or a malformed number, throws {@link
 * CorruptDataException}: the bytes came from disk and may be damaged. Not thread-safe.
 */
final class ByteReader {
  private final byte[] bytes;
  private final int end;
  private int at;

  ByteReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.at = from;
    this.end = to;
  }

  ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  boolean hasMore() {
    return at < end;
  }

  int remaining() {
    return end - at;
  }

  int get() {
    need(1);
    return bytes[at++] & 0xFF;
  }

  long getVarLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = get();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new CorruptDataException("a variable-length number runs past 10 bytes at offset " + at);
  }

  long getSignedVarLong() {
    long v = getVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A count or length: a whole number from 0 to {@code max}. */
  int getCount(int max) {
    long v = getVarLong();
    if (v < 0 || v > max) {
      throw new CorruptDataException("a count of " + v + " exceeds " + max + " at offset " + at);
    }
    return (int) v;
  }

  double getDouble() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[at++] & 0xFF);
    }
    return Double.longBitsToDouble(v);
  }

  String getString() {
    int length = getCount(end - at);
    String s = new String(bytes, at, length, StandardCharsets.UTF_8);
    at += length;
    return s;
  }

  private void need(int n) {
    if (at + n > end) {
      throw new CorruptDataException("a value runs past the end of its record at offset " + at);
    }
  }
}
