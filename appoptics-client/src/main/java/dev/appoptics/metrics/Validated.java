package dev.appoptics.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memoized validation for the measurement hot path. Applications send the same few metric names and tag sets over
 * and over; checking each with regular expressions and copying its tag map per measurement dominated the cost of
 * {@code Queue.add} and {@code Reporter.add}, and the per-measurement map copies dominated the heap a queued
 * measurement holds. Names and tag sets seen before are looked up instead, and measurements share one immutable
 * instance of each tag set, its JSON encoded once ({@link WireTags}). Both caches are bounded: when one is full it
 * is emptied and refills with what is in use now, so tag values that never repeat (request ids) cannot grow memory.
 * Thread-safe.
 */
final class Validated {
  static final int MAX_CACHED = 4096;

  static int cachedTagSets() {
    return TAG_SETS.size();
  }

  private static final Map<String, Boolean> NAMES = new ConcurrentHashMap<>();
  private static final Map<Map<String, String>, Map<String, String>> TAG_SETS = new ConcurrentHashMap<>();

  private Validated() {}

  /** The name if the API accepts it; otherwise the same error as {@link Check#metricName}. */
  static String metricName(String name) {
    if (name != null && NAMES.containsKey(name)) {
      return name;
    }
    Check.metricName(name);
    if (NAMES.size() >= MAX_CACHED) {
      NAMES.clear();
    }
    NAMES.put(name, Boolean.TRUE);
    return name;
  }

  /**
   * An immutable, validated tag set equal to {@code tags} (at least one tag required), shared with every earlier
   * measurement that had the same tags; fails like {@link Check#tags}.
   */
  static Map<String, String> tags(Map<String, String> tags) {
    Map<String, String> known = TAG_SETS.get(tags);
    if (known != null) {
      return known;
    }
    Check.tags(tags, true);
    Map<String, String> frozen = new WireTags(tags);
    if (TAG_SETS.size() >= MAX_CACHED) {
      TAG_SETS.clear();
    }
    Map<String, String> raced = TAG_SETS.putIfAbsent(frozen, frozen);
    return raced == null ? frozen : raced;
  }
}
