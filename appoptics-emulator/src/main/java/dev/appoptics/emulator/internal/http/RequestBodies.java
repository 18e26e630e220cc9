package dev.appoptics.emulator.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Reads request bodies up to a size limit (413 past it), inflating gzip when the request says so. */
final class RequestBodies {
  /**
   * A body over the limit is still read and thrown away up to this many bytes, so that a client still writing it sees
   * the 413 instead of a connection reset; past this the 413 goes out and the connection closes mid-body.
   */
  static final long SWALLOW_BYTES = 16L * 1024 * 1024;

  private final int maxBytes;

  RequestBodies(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  byte[] read(InputStream in, String contentLength, String contentEncoding) throws IOException {
    long declared = -1;
    if (contentLength != null) {
      try {
        declared = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        throw ApiError.request(400, "Content-Length is not a number: " + contentLength);
      }
      if (declared > maxBytes) {
        throw tooLarge(in);
      }
    }
    // With a declared length the body is read once into an array of its size, not copied through a buffer.
    byte[] raw = declared >= 0 ? readExactly(in, (int) declared) : readLimited(in, true);
    if (raw.length > 0 && contentEncoding != null && contentEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
      try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return readLimited(gz, false);
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw ApiError.request(400, "Request body is not valid gzip data: " + e.getMessage());
      }
    }
    return raw;
  }

  private byte[] readExactly(InputStream in, int length) throws IOException {
    // readNBytes(int) would read through chunk buffers and copy them together: read into the final array instead
    byte[] head = new byte[length];
    int read = in.readNBytes(head, 0, length);
    if (read < length) {
      head = java.util.Arrays.copyOf(head, read);
    }
    int next = read < length ? -1 : in.read();
    if (next < 0) {
      return head;
    }
    // More than declared (a chunked body also carrying Content-Length): read the rest under the same limit.
    if (head.length + 1 > maxBytes) {
      throw tooLarge(in);
    }
    byte[] rest = readLimited(in, true);
    if ((long) head.length + 1 + rest.length > maxBytes) {
      throw tooLarge(in);
    }
    byte[] all = java.util.Arrays.copyOf(head, head.length + 1 + rest.length);
    all[head.length] = (byte) next;
    System.arraycopy(rest, 0, all, head.length + 1, rest.length);
    return all;
  }

  /** {@code swallow}: on overflow read the rest of {@code in} (the request itself, not an inflated copy of it). */
  private byte[] readLimited(InputStream in, boolean swallow) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    byte[] buf = new byte[16384];
    int total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge(swallow ? in : InputStream.nullInputStream());
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private ApiError tooLarge(InputStream unread) throws IOException {
    long skipped = 0;
    byte[] sink = new byte[16384];
    for (int n; skipped < SWALLOW_BYTES && (n = unread.read(sink)) > 0; ) {
      skipped += n;
    }
    return ApiError.request(413, "Request body is larger than the limit of " + maxBytes + " bytes")
        .withHeaders(java.util.Map.of("Connection", "close"));
  }
}
