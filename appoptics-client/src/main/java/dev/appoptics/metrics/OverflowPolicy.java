package dev.appoptics.metrics;

/** What a {@link Reporter} does when its bounded buffer is full and another measurement arrives. */
public enum OverflowPolicy {
  /** The adding thread waits until there is room (back-pressure on the producer). The default. */
  BLOCK,
  /** The measurement is dropped and counted in {@link ReporterStats#dropped()}; the adding thread never waits. */
  DROP
}
