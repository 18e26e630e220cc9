package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code timeshift(shifts, set)} and {@code group_by(tags, set)}: re-run the inner set in another context. */
final class Grouping {
  private static final Pattern SHIFT = Pattern.compile("\\s*([+-]?)(\\d+)([smhdw]?)\\s*");

  private Grouping() {}

  /**
   * One copy of each series per shift. A shift {@code n} (default) shows the data from {@code n} units earlier at
   * the current time; {@code +n} shows later data. Items without a unit take the next item's unit
   * ({@code "0,1,2,3w"} is four week shifts).
   */
  static Node timeshift(Args args) {
    List<Long> shifts = shifts(args);
    Node input = args.set(1);
    return context -> {
      List<Series> out = new ArrayList<>();
      for (long shift : shifts) {
        for (Series s : input.eval(context.shiftedBack(shift))) {
          out.add(s.withPoints(s.points().stream().map(p -> new Point(p.time() + shift, p.value())).toList()));
        }
      }
      return out;
    };
  }

  private static List<Long> shifts(Args args) {
    String text = args.string(0);
    int position = args.call.arguments().get(0).position();
    String[] items = text.split(",", -1);
    long[] amounts = new long[items.length];
    char[] units = new char[items.length];
    for (int i = 0; i < items.length; i++) {
      Matcher m = SHIFT.matcher(items[i]);
      if (!m.matches()) {
        throw args.error("argument 1", position, "must be a comma list of shifts with a unit (s, m, h, d, w) such as"
            + " \"1d\" or \"1,7d\", got \"" + text + "\"");
      }
      amounts[i] = Long.parseLong(m.group(2)) * (m.group(1).equals("+") ? -1 : 1);
      units[i] = m.group(3).isEmpty() ? 0 : m.group(3).charAt(0);
    }
    char unit = 0;
    List<Long> shifts = new ArrayList<>();
    for (int i = items.length - 1; i >= 0; i--) {
      unit = units[i] != 0 ? units[i] : unit;
      if (unit == 0) {
        throw args.error("argument 1", position, "needs a unit (s, m, h, d, w) on its last shift, got \"" + text
            + "\"");
      }
      shifts.add(0, amounts[i] * seconds(unit));
    }
    return shifts;
  }

  private static long seconds(char unit) {
    return switch (unit) {
      case 's' -> 1;
      case 'm' -> 60;
      case 'h' -> 3600;
      case 'd' -> 86_400;
      default -> 604_800;
    };
  }

  /**
   * Evaluates the inner set once per distinct combination of the grouped tags among the streams it reads, with
   * every {@code series()} inside restricted to that combination; each result carries the combination's tags.
   */
  static Node groupBy(Args args) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : args.string(0).split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    if (names.isEmpty()) {
      throw args.error("argument 1", args.call.arguments().get(0).position(),
          "must list tag names such as \"region,host\", got \"" + args.string(0) + "\"");
    }
    Node input = args.set(1);
    return context -> {
      List<Series> seen = new ArrayList<>();
      input.eval(context.collecting(seen));
      if (context.collector != null) {
        context.collector.addAll(seen); // an enclosing group_by discovers its groups through this one
      }
      Set<Map<String, String>> groups = new java.util.TreeSet<>(Comparator.comparing(Map::toString));
      for (Series s : seen) {
        Map<String, String> group = new TreeMap<>();
        for (String name : names) {
          if (s.tags().containsKey(name)) {
            group.put(name, s.tags().get(name));
          }
        }
        if (group.size() == names.size()) {
          groups.add(group);
        }
      }
      List<Series> out = new ArrayList<>();
      for (Map<String, String> group : groups) {
        for (Series s : input.eval(context.pinning(group))) {
          Map<String, String> tags = new HashMap<>(s.tags());
          tags.putAll(group);
          out.add(s.withTags(tags));
        }
      }
      return out;
    };
  }
}
