package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.util.Map;
import java.util.TreeMap;

/** Accepted measurements as the parser leaves them, for feeding forwarding directly. */
final class Measurements {
  private Measurements() {}

  static ParsedMeasurement value(String name, Map<String, String> tags, long time, double value) {
    ParsedMeasurement m = base(name, tags, time);
    m.hasValue = true;
    m.value = value;
    m.count = 1;
    m.sum = m.min = m.max = m.last = value;
    return m;
  }

  static ParsedMeasurement summary(String name, Map<String, String> tags, long time, long count, double sum,
      double min, double max, double last) {
    ParsedMeasurement m = base(name, tags, time);
    m.hasSum = m.hasCount = true;
    m.count = count;
    m.sum = sum;
    m.min = min;
    m.max = max;
    m.last = last;
    return m;
  }

  private static ParsedMeasurement base(String name, Map<String, String> tags, long time) {
    ParsedMeasurement m = new ParsedMeasurement();
    m.name = name;
    m.tags = new TreeMap<>(tags);
    m.time = time;
    return m;
  }
}
