package dev.appoptics.emulator.internal.store;

/**
 * Receives stored buckets one by one, as {@link Series#visit} hands them out: everything a bucket holds, so that a
 * store that saves series can put them back exactly ({@link Series#restore}).
 */
@FunctionalInterface
public interface BucketVisitor {
  /**
   * @param time the start of the bucket, epoch seconds
   * @param lastTime the time of the sample behind {@code last} (ties between later samples depend on it)
   */
  void bucket(long time, long count, double sum, double min, double max, double last, long lastTime,
      double sumSquares);
}
