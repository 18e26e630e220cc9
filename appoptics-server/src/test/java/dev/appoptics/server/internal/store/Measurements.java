package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.TagMap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Measurements as the parser hands them to the store, for tests that write to a store directly. */
final class Measurements {
  private Measurements() {}

  static ParsedMeasurement value(String name, String host, long time, double value) {
    ParsedMeasurement m = new ParsedMeasurement();
    m.name = name;
    TreeMap<String, String> tags = new TreeMap<>();
    tags.put("host", host);
    m.tags = new TagMap(tags);
    m.time = time;
    m.count = 1;
    m.sum = value;
    m.min = value;
    m.max = value;
    m.last = value;
    m.squares = value * value;
    return m;
  }

  /** {@code n} measurements of {@code name} over {@code hosts} hosts, at {@code time} plus their index. */
  static List<ParsedMeasurement> batch(String name, int hosts, long time, int n) {
    List<ParsedMeasurement> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(value(name, "h" + (i % hosts), time + i, i + 0.5));
    }
    return out;
  }
}
