package dev.appoptics.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How tag sets are shown: {@code host=web1,region=eu}, sorted by name so output is stable. */
final class Tagging {
  private Tagging() {}

  static String text(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return "(no tags)";
    }
    return new TreeMap<>(tags)
        .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }
}
