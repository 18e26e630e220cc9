package dev.appoptics.emulator.internal.store;

/**
 * The summary of every sample in one time bucket: count, sum, min, max, last written and sum of squares (for the
 * standard deviation). {@code time} is the start of the bucket in epoch seconds.
 */
public record Aggregate(long time, long count, double sum, double min, double max, double last, double sumSquares) {

  /** The number {@code function} picks out of this bucket ({@code DERIVATIVE} reads as the mean here). */
  public double value(SummaryFunction function) {
    switch (function) {
      case COUNT:
        return count;
      case SUM:
        return sum;
      case MIN:
        return min;
      case MAX:
        return max;
      case LAST:
        return last;
      case STDDEV:
        double mean = sum / count;
        return Math.sqrt(Math.max(0.0, sumSquares / count - mean * mean));
      case MEAN:
      case DERIVATIVE:
      default:
        return sum / count;
    }
  }
}
