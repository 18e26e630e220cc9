package dev.appoptics.emulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path as the router sees it: split at {@code /} (one trailing slash ignored), each segment
 * percent-decoded as UTF-8, {@code +} kept literally. A malformed escape or bytes that are not UTF-8 are a 400
 * naming the segment, never a 500.
 */
final class PathSegments {
  private PathSegments() {}

  /** The decoded segments of {@code rawPath} (which starts with {@code /}); the first segment is empty. */
  static List<String> decode(String rawPath) {
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    List<String> segments = new ArrayList<>(6);
    int start = 0;
    for (int slash = path.indexOf('/'); ; slash = path.indexOf('/', start)) {
      int end = slash < 0 ? path.length() : slash;
      segments.add(segment(path.substring(start, end)));
      if (slash < 0) {
        return segments;
      }
      start = slash + 1;
    }
  }

  private static String segment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) != '%') {
        int next = raw.indexOf('%', i);
        int end = next < 0 ? raw.length() : next;
        byte[] plain = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
        i = end - 1;
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
      if (lo < 0) {
        throw ApiError.request(400, "Malformed percent-encoding in the path segment '" + raw
            + "': % must be followed by two hexadecimal digits");
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw ApiError.request(400, "The path segment '" + raw + "' does not decode to UTF-8 text");
    }
  }
}
