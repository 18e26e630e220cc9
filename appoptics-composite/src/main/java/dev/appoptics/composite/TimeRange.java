package dev.appoptics.composite;

/**
 * The window a composite is evaluated over: points with {@code start <= time < end} (epoch seconds), read at
 * {@code resolution} seconds unless a {@code series()} call asks for another {@code period}.
 */
public record TimeRange(long start, long end, long resolution) {
  public TimeRange {
    if (resolution <= 0) {
      throw new IllegalArgumentException("resolution must be positive, got " + resolution);
    }
    if (end < start) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }

  /** The same window moved {@code seconds} into the past. */
  TimeRange shiftedBack(long seconds) {
    return new TimeRange(start - seconds, end - seconds, resolution);
  }
}
