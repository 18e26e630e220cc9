package dev.appoptics.emulator.internal.measure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tag sets already validated and normalized, keyed by their raw pairs as they appeared on the wire. Clients send the
 * same few tag sets over and over; a hit skips validation, lower-casing and building the sorted map, and hands every
 * measurement of a tag set the same map instance, which makes the store's series lookup cheap. Only valid tag sets
 * are kept, so a hit never hides an error. Bounded: emptied when it reaches {@link #MAX_ENTRIES}. Thread-safe.
 */
final class TagSetCache {
  static final int MAX_ENTRIES = 10_000;
  /** Longer names or values are invalid anyway and never looked up (keeps the length-prefixed key unambiguous). */
  private static final int MAX_PART = Math.max(NameRules.MAX_TAG_NAME, NameRules.MAX_TAG_VALUE);

  private final ConcurrentHashMap<String, Map<String, String>> cache = new ConcurrentHashMap<>();

  /**
   * The cache key of {@code n} raw pairs: each name and value prefixed by its length, so no two different pair lists
   * share a key; null when a part is too long to be valid.
   */
  static String key(String[] names, String[] values, int n, StringBuilder scratch) {
    scratch.setLength(0);
    for (int i = 0; i < n; i++) {
      String name = names[i];
      String value = values[i];
      if (name.length() > MAX_PART || value.length() > MAX_PART) {
        return null;
      }
      scratch.append((char) name.length()).append(name).append((char) value.length()).append(value);
    }
    return scratch.toString();
  }

  Map<String, String> get(String key) {
    return cache.get(key);
  }

  void put(String key, Map<String, String> tags) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, tags);
  }
}
