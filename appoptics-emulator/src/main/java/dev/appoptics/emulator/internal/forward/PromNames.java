package dev.appoptics.emulator.internal.forward;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule that turns AppOptics names into Prometheus names: every {@code .}, {@code -} and {@code :} (and any
 * other character outside {@code [A-Za-z0-9_]}) becomes {@code _}, and a name that would start with a digit gets a
 * {@code _} in front. Different AppOptics names can meet in one Prometheus name ({@code a.b} and {@code a_b}), so
 * every series also carries the original name in the label {@value #ORIGINAL_NAME}, which keeps their series
 * apart. Tag names follow the same rule; a tag name that would clash with a label forwarding sets, or start with the
 * reserved {@code __}, gets the prefix {@code tag_}, and two tags of one series that would clash keep the first in
 * name order and suffix the others {@code _2}, {@code _3}, ….
 */
public final class PromNames {
  /** The label that carries the AppOptics metric name. */
  public static final String ORIGINAL_NAME = "appoptics_name";

  private PromNames() {}

  /** The Prometheus metric name for an AppOptics metric name. */
  public static String metricName(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
      out.append('_');
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(isNameChar(c) ? c : '_');
    }
    return out.toString();
  }

  /**
   * The labels of one series besides {@code __name__}: the original name, then the tags, with label names mapped,
   * made distinct and sorted by name as remote-write requires. Alternating name and value.
   */
  static List<String> labels(String metric, Map<String, String> tags) {
    Set<String> used = new HashSet<>();
    used.add("__name__");
    used.add(ORIGINAL_NAME);
    List<String[]> pairs = new ArrayList<>();
    pairs.add(new String[] {ORIGINAL_NAME, metric});
    tags.keySet().stream().sorted().forEach(tag -> {
      String label = metricName(tag);
      if (label.startsWith("__") || label.equals(ORIGINAL_NAME)) {
        label = "tag_" + label;
      }
      String unique = label;
      for (int n = 2; !used.add(unique); n++) {
        unique = label + "_" + n;
      }
      pairs.add(new String[] {unique, tags.get(tag)});
    });
    pairs.sort((a, b) -> a[0].compareTo(b[0]));
    List<String> out = new ArrayList<>(pairs.size() * 2);
    for (String[] p : pairs) {
      out.add(p[0]);
      out.add(p[1]);
    }
    return out;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
