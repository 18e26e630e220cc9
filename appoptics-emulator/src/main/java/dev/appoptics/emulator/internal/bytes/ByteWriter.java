package dev.appoptics.emulator.internal.bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for records kept on disk (the durable store's log and checkpoints, the forwarding queue)
 * and for text written straight to bytes (measurement answers):
 * variable-length whole numbers (7 bits a byte; signed ones zig-zag encoded, so that small negative deltas stay
 * short), doubles as 8 bytes, strings as a length and UTF-8. Reused between writes: {@link #reset()} keeps the
 * array. Not thread-safe.
 */
public final class ByteWriter {
  private byte[] bytes;
  private int size;

  public ByteWriter(int capacity) {
    bytes = new byte[capacity];
  }

  public void reset() {
    size = 0;
  }

  public int size() {
    return size;
  }

  public byte[] array() {
    return bytes;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  public ByteWriter put(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
    return this;
  }

  public ByteWriter putInt(int v) {
    ensure(4);
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
    return this;
  }

  /** Overwrites 4 bytes at {@code at} (a record's length and checksum, known once its body is written). */
  public void setInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  public ByteWriter putVarLong(long v) {
    if ((v & ~0x7FL) == 0 && size < bytes.length) {
      bytes[size++] = (byte) v; // the usual one byte, written without the loop
      return this;
    }
    return putLongerVarLong(v);
  }

  private ByteWriter putLongerVarLong(long v) {
    ensure(10);
    size = putVarLong(bytes, size, v);
    return this;
  }

  /**
   * Writes {@code v} as {@link #putVarLong} does into {@code b} at {@code at}, which has room for 10 bytes; returns
   * where it ended. For a caller that writes many numbers straight into its own array.
   */
  public static int putVarLong(byte[] b, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      b[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[at++] = (byte) v;
    return at;
  }

  public ByteWriter putSignedVarLong(long v) {
    return putVarLong((v << 1) ^ (v >> 63));
  }

  public ByteWriter putDouble(double d) {
    ensure(8);
    size = putDouble(bytes, size, d);
    return this;
  }

  /** Writes {@code d} as {@link #putDouble(double)} does into {@code b} at {@code at}; returns where it ended. */
  public static int putDouble(byte[] b, int at, double d) {
    long v = Double.doubleToRawLongBits(d);
    for (int shift = 56; shift >= 0; shift -= 8) {
      b[at++] = (byte) (v >>> shift);
    }
    return at;
  }

  /** A double as 8 bytes, least significant first (as protobuf's {@code fixed64} and {@code double} are). */
  public ByteWriter putDoubleLittleEndian(double d) {
    long v = Double.doubleToRawLongBits(d);
    ensure(8);
    for (int shift = 0; shift < 64; shift += 8) {
      bytes[size++] = (byte) (v >>> shift);
    }
    return this;
  }

  /** How many bytes {@link #putVarLong} writes for {@code v}. */
  public static int varLongSize(long v) {
    return v == 0 ? 1 : (63 - Long.numberOfLeadingZeros(v)) / 7 + 1;
  }

  public ByteWriter putBytes(byte[] b, int length) {
    ensure(length);
    System.arraycopy(b, 0, bytes, size, length);
    size += length;
    return this;
  }

  /** ASCII text as its bytes, one a character, with no length in front (JSON syntax and numbers). */
  public ByteWriter putAscii(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  public ByteWriter putString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    putVarLong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
    return this;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      grow(more); // apart, so that every write inlines only the check
    }
  }

  private void grow(int more) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
  }
}
