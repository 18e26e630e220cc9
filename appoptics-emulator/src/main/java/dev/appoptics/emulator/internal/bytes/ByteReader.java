package dev.appoptics.emulator.internal.bytes;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote. A read past the end, or a malformed number, throws {@link
 * CorruptDataException}: the bytes came from disk and may be damaged. Not thread-safe.
 */
public final class ByteReader {
  private final byte[] bytes;
  private final int end;
  private int at;

  public ByteReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.at = from;
    this.end = to;
  }

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public boolean hasMore() {
    return at < end;
  }

  public int remaining() {
    return end - at;
  }

  /** The offset of the next byte to read. */
  public int position() {
    return at;
  }

  /** Moves past {@code n} bytes. */
  public void skip(int n) {
    need(n);
    at += n;
  }

  public int get() {
    need(1);
    return bytes[at++] & 0xFF;
  }

  public long getVarLong() {
    if (at < end && bytes[at] >= 0) {
      return bytes[at++]; // the usual one byte, read without the loop
    }
    return getLongerVarLong();
  }

  private long getLongerVarLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= end) {
        throw pastEnd();
      }
      int b = bytes[at++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw tooLong();
  }

  public long getSignedVarLong() {
    long v = getVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A count or length: a whole number from 0 to {@code max}. */
  public int getCount(int max) {
    long v = getVarLong();
    if (v < 0 || v > max) {
      throw tooMany(v, max);
    }
    return (int) v;
  }

  public double getDouble() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[at++] & 0xFF);
    }
    return Double.longBitsToDouble(v);
  }

  public String getString() {
    int length = getCount(end - at);
    String s = new String(bytes, at, length, StandardCharsets.UTF_8);
    at += length;
    return s;
  }

  private void need(int n) {
    if (at + n > end) {
      throw pastEnd();
    }
  }

  // Failures are built apart from the reads, which stay small enough to inline where they are used.
  private CorruptDataException tooLong() {
    return new CorruptDataException("a variable-length number runs past 10 bytes at offset " + at);
  }

  private CorruptDataException tooMany(long count, int max) {
    return new CorruptDataException("a count of " + count + " exceeds " + max + " at offset " + at);
  }

  private CorruptDataException pastEnd() {
    return new CorruptDataException("a value runs past the end of its record at offset " + at);
  }
}
