package dev.appoptics.metrics.internal.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Gzip of request bodies. Level 1: most of the size gain for a fraction of the CPU of the default level 6. */
public final class Gzip {
  private Gzip() {}

  /** Whether {@code body} is gzip data: it starts with gzip's magic bytes, which no JSON text can start with. */
  public static boolean isCompressed(byte[] body) {
    return body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
  }

  public static byte[] compress(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 6));
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
