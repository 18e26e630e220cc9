package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import java.util.Optional;

/**
 * The time range and resolution of a measurement query: {@code resolution} (required, 1..604800 s), and
 * {@code start_time}, {@code end_time} (default now), {@code duration}, of which at most two may be given and one of
 * {@code start_time}/{@code duration} must be. Reusable by composite queries.
 *
 * @param start first second asked for (inclusive)
 * @param end last second asked for (inclusive)
 * @param resolution seconds per point
 */
public record QueryWindow(long start, long end, long resolution) {
  public static final long MAX_RESOLUTION = 604_800;

  public static QueryWindow of(ApiRequest request) {
    Optional<Long> resolution = request.queryLong("resolution");
    if (resolution.isEmpty()) {
      throw ApiError.params("resolution", "is required");
    }
    long r = resolution.get();
    if (r < 1 || r > MAX_RESOLUTION) {
      throw ApiError.params("resolution", "must be between 1 and " + MAX_RESOLUTION + " seconds, got " + r);
    }
    Optional<Long> start = request.queryLong("start_time");
    Optional<Long> end = request.queryLong("end_time");
    Optional<Long> duration = request.queryLong("duration");
    if (start.isPresent() && end.isPresent() && duration.isPresent()) {
      throw ApiError.params("duration", "cannot be given together with both start_time and end_time");
    }
    if (duration.isPresent() && duration.get() < 1) {
      throw ApiError.params("duration", "must be at least 1 second, got " + duration.get());
    }
    long s;
    long e;
    if (start.isPresent()) {
      s = start.get();
      e = end.orElseGet(() -> duration.map(d -> s + d).orElse(request.now()));
    } else if (duration.isPresent()) {
      e = end.orElse(request.now());
      s = e - duration.get();
    } else {
      throw ApiError.params("start_time", "is required (or give duration)");
    }
    if (e < s) {
      throw ApiError.params("end_time", "must not be before start_time (" + e + " < " + s + ")");
    }
    return new QueryWindow(s, e, r);
  }

  /**
   * This window at the resolution {@code store} can serve it: coarser when the range reaches past what the asked
   * resolution keeps (see {@link MeasurementStore#resolutionFor}); the answer names the resolution used.
   */
  public QueryWindow servedBy(MeasurementStore store) {
    long served = store.resolutionFor(start, resolution);
    return served == resolution ? this : new QueryWindow(start, end, served);
  }

  /** The first point time: {@code start} aligned down to the resolution. */
  public long alignedStart() {
    return Math.floorDiv(start, resolution) * resolution;
  }
}
