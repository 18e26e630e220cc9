package dev.appoptics.metrics;

/**
 * Query parameters in insertion order. {@code add("sources", List.of("a","b"))}-style lists are sent as repeated
 * {@code sources[]=a&sources[]=b}; {@code tag("host", "a")} is sent as {@code tags[host]=a}. Values are
 * URL-encoded on {@link #encode()}.
 */
final class Query {
  // CONTRACT STUB — implemented by the client core.

  static Query create() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Adds {@code name=value}; a null value is skipped so optional parameters can be passed through. */
  Query add(String name, Object value) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Adds {@code name[]=v} for every value. */
  Query addAll(String name, Iterable<?> values) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** "a=1&b=2", or "" when empty. */
  String encode() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
