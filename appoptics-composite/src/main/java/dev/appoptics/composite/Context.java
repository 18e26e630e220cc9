package dev.appoptics.composite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation state: the data source, the (possibly time-shifted) window, tag values pinned by an enclosing
 * {@code group_by}, and an optional collector that records every series read (used to discover groups).
 */
final class Context {
  final SeriesSource source;
  final TimeRange range;
  final Map<String, String> pinned;
  final List<Series> collector;

  Context(SeriesSource source, TimeRange range, Map<String, String> pinned, List<Series> collector) {
    this.source = source;
    this.range = range;
    this.pinned = Map.copyOf(pinned);
    this.collector = collector;
  }

  Context shiftedBack(long seconds) {
    return new Context(source, range.shiftedBack(seconds), pinned, collector);
  }

  Context pinning(Map<String, String> tags) {
    Map<String, String> all = new HashMap<>(pinned);
    all.putAll(tags);
    return new Context(source, range, all, collector);
  }

  Context collecting(List<Series> into) {
    return new Context(source, range, pinned, into);
  }
}
