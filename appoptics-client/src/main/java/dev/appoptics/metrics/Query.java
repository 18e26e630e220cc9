package dev.appoptics.metrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Query parameters in insertion order. {@code addAll("sources", List.of("a","b"))} is sent as repeated
 * {@code sources[]=a&sources[]=b}; {@code tag("host", "a")} is sent as {@code tags[host]=a}. Names and values are
 * percent-encoded (RFC 3986, space as {@code %20}) on {@link #encode()}. Not thread-safe: build, then hand over.
 */
final class Query {
  private final List<Map.Entry<String, String>> params = new ArrayList<>();

  private Query() {}

  static Query create() {
    return new Query();
  }

  /** A copy that can be changed without affecting this one. */
  Query copy() {
    Query q = new Query();
    q.params.addAll(params);
    return q;
  }

  /**
   * Adds {@code name=value}; a null value or an empty Optional/OptionalInt/OptionalLong/OptionalDouble is skipped
   * so optional parameters can be passed through.
   */
  Query add(String name, Object value) {
    String text = text(value);
    if (text != null) {
      params.add(Map.entry(name, text));
    }
    return this;
  }

  /** Replaces every {@code name} parameter with {@code name=value} (appended when absent). */
  Query set(String name, Object value) {
    params.removeIf(e -> e.getKey().equals(name));
    return add(name, value);
  }

  /** Adds {@code name[]=v} for every value. */
  Query addAll(String name, Iterable<?> values) {
    for (Object v : values) {
      add(name + "[]", v);
    }
    return this;
  }

  /** Adds the tag filter {@code tags[name]=value}. */
  Query tag(String name, String value) {
    return add("tags[" + name + "]", value);
  }

  /** The first value of {@code name}, if present. */
  Optional<String> get(String name) {
    return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
  }

  boolean isEmpty() {
    return params.isEmpty();
  }

  /** "a=1&b=2", or "" when empty. */
  String encode() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return encode();
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Optional<?> o) {
      return o.map(Query::text).orElse(null);
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? Integer.toString(o.getAsInt()) : null;
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? Long.toString(o.getAsLong()) : null;
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() ? number(o.getAsDouble()) : null;
    }
    if (value instanceof Double d) {
      return number(d);
    }
    return value.toString();
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Percent-encodes everything except RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}). */
  static String percentEncode(String s) {
    StringBuilder sb = null;
    byte[] bytes = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unreserved(c)) {
        bytes = s.getBytes(StandardCharsets.UTF_8);
        sb = new StringBuilder(s.length() + 16);
        break;
      }
    }
    if (bytes == null) {
      return s;
    }
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c < 0x80 && unreserved((char) c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean unreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
