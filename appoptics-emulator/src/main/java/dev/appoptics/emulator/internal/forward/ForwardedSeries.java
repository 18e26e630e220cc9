package dev.appoptics.emulator.internal.forward;

import java.util.Map;

/**
 * A series as a sender knows it (see {@link SeriesTable}): its metric name as the registry spells it, its tags, and
 * what the sender's encoder derived from them the first time, so that a known series costs no label work. Confined to
 * one sender.
 */
final class ForwardedSeries {
  final String name;
  /** Sorted by name. */
  final Map<String, String> tags;
  /** The remote-write labels of each variant ({@link RemoteWriteEncoder#SUFFIXES}), once encoded. */
  byte[][] remoteWriteLabels;
  /** The OTLP attributes of its data points, once encoded. */
  byte[][] otlpAttributes;
  /** The batch being built and this series' points in it (see {@link PointBatch}). */
  Object batch;
  SeriesPoints points;

  ForwardedSeries(String name, Map<String, String> tags) {
    this.name = name;
    this.tags = tags;
  }
}
