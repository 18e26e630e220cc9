package dev.appoptics.emulator.internal.store;

import java.util.Map;

/**
 * One measurement of a POST body after parsing, reduced to a bucket summary. Mutable and confined to the request
 * that parsed it; {@code series} caches the store lookup between the limit check and the write.
 */
public final class ParsedMeasurement {
  public String name;
  /** Own tags, or null to inherit the payload's; replaced by the effective tags after validation. */
  public Map<String, String> tags;
  public long time = Long.MIN_VALUE;
  public int period;
  public boolean hasValue;
  public double value;
  public boolean hasSum;
  public boolean hasCount;
  public long count = 1;
  public double sum;
  public double min = Double.NaN;
  public double max = Double.NaN;
  public double last = Double.NaN;
  public double stddev = Double.NaN;
  public double squares;
  /** A summary that gave {@code sum} and {@code count} and nothing else (the Python library's queue sends values so). */
  public boolean onlySumAndCount;
  public Map<String, Object> attributes = Map.of();
  public Series series;
}
