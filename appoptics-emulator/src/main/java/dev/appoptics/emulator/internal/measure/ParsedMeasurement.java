package dev.appoptics.emulator.internal.measure;

import java.util.Map;

/**
 * One measurement of a POST body after parsing, reduced to a bucket summary. Mutable and confined to the request
 * that parsed it; {@code series} caches the store lookup between the limit check and the write.
 */
final class ParsedMeasurement {
  String name;
  /** Own tags, or null to inherit the payload's; replaced by the effective tags after validation. */
  Map<String, String> tags;
  long time = Long.MIN_VALUE;
  int period;
  boolean hasValue;
  double value;
  boolean hasSum;
  boolean hasCount;
  long count = 1;
  double sum;
  double min = Double.NaN;
  double max = Double.NaN;
  double last = Double.NaN;
  double stddev = Double.NaN;
  double squares;
  Map<String, Object> attributes = Map.of();
  Series series;
}
