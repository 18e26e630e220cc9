package dev.appoptics.emulator.internal.forward;

import java.util.HashMap;
import java.util.Map;

/**
 * One shared instance per distinct tag set, so that grouping by series compares tag maps by identity. A sender sees
 * the same few thousand tag sets over and over; the table is emptied when it grows past a bound. Not thread-safe.
 */
final class TagSets {
  private static final int MAX = 100_000;
  private final Map<Map<String, String>, Map<String, String>> shared = new HashMap<>();

  Map<String, String> canonical(Map<String, String> tags) {
    Map<String, String> known = shared.get(tags);
    if (known != null) {
      return known;
    }
    if (shared.size() >= MAX) {
      shared.clear();
    }
    shared.put(tags, tags);
    return tags;
  }
}
