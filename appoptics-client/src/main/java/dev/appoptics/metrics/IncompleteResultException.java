package dev.appoptics.metrics;

import java.util.List;

/**
 * A measurement query needed more pages than its {@link MeasurementQuery#maxPages()} allows. Nothing is dropped
 * silently: {@link #partialResult()} holds the pages read so far, and its {@link MeasurementResult#next()} link
 * continues the range (with {@code AppOptics.nextMeasurements}) for callers who want the rest after all.
 */
public class IncompleteResultException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  private final transient MeasurementResult partialResult;

  IncompleteResultException(String path, int pages, MeasurementResult partialResult) {
    super(0, "GET", path, List.of("the range needs more than " + pages
        + " pages (maxPages); raise maxPages, narrow the range or coarsen the resolution"), "", null);
    this.partialResult = partialResult;
  }

  /** The pages read before the limit, merged; {@code next()} points at the first page not read. */
  public MeasurementResult partialResult() {
    return partialResult;
  }
}
