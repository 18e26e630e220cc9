package dev.appoptics.emulator.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The request body encodings the emulator understands, as the API does: {@code gzip} (also spelled
 * {@code x-gzip}) and {@code identity}. Any other {@code Content-Encoding} on a request with a body is a 415
 * naming the supported ones, never a body read as if it were plain.
 */
final class ContentEncodings {
  static final String SUPPORTED = "gzip, identity";

  private ContentEncodings() {}

  /** Whether a body sent with this {@code Content-Encoding} (null when absent) is gzip-compressed. */
  static boolean isGzip(String header) {
    if (header == null) {
      return false;
    }
    boolean gzip = false;
    for (String token : header.split(",", -1)) {
      String coding = token.trim().toLowerCase(Locale.ROOT);
      if (coding.equals("identity")) {
        continue;
      }
      if (!gzip && (coding.equals("gzip") || coding.equals("x-gzip"))) {
        gzip = true;
        continue;
      }
      throw ApiError.request(415, "Content-Encoding '" + shorten(header.trim()) + "' is not supported; supported: "
          + SUPPORTED);
    }
    return gzip;
  }

  /** The inflated body, up to {@code maxBytes} after inflating (413 past it); 400 when it is not gzip data. */
  static byte[] inflate(byte[] raw, int maxBytes) {
    try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(8192, raw.length * 4)));
      byte[] buf = new byte[16384];
      for (int n; (n = gz.read(buf)) > 0; ) {
        if (out.size() + n > maxBytes) {
          throw tooLarge(maxBytes);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (ZipException | EOFException e) {
      throw ApiError.request(400, "Request body is not valid gzip data"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (IOException e) {
      throw ApiError.request(400, "Request body is not valid gzip data");
    }
  }

  /** 413 for a body over {@code maxBytes}; the connection closes after the answer. */
  static ApiError tooLarge(int maxBytes) {
    return ApiError.request(413, "Request body is larger than the limit of " + maxBytes + " bytes")
        .withHeaders(Map.of("Connection", "close"));
  }

  private static String shorten(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "…";
  }
}
