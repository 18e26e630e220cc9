package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.Point;
import java.util.List;
import java.util.Map;

/**
 * Where composite metrics are evaluated. The measurement and metric modules own the routes and call this hook:
 *
 * <ul>
 *   <li>{@link #compose} for {@code GET /v1/measurements?compose=…} and the legacy {@code GET /v1/metrics?compose=…}
 *       (the request still carries every query parameter);
 *   <li>{@link #queryPersisted} for {@code GET /v1/measurements/:name} when the metric has {@code type: composite};
 *   <li>{@link #validate} before {@code PUT /v1/metrics/:name} stores a composite expression;
 *   <li>{@link #evaluate} for alert conditions on a persisted composite.
 * </ul>
 *
 * <p>Implementations read data through {@link MeasurementStore} and {@link MetricRegistry}, answer with an {@link
 * ApiResponse} and throw {@link ApiError} for bad input. The default, {@link #unsupported()}, answers 400.
 */
public interface CompositeQueries {
  ApiResponse compose(ApiRequest request);

  ApiResponse queryPersisted(Metric metric, ApiRequest request);

  /** Checks an expression before it is stored; throws a 400 {@link ApiError} when it is invalid. */
  default void validate(String expression) {}

  /**
   * The persisted composite {@code metric} evaluated over {@code [start, end]} at {@code resolution} seconds: one
   * stream per output series. Empty when composites are not supported or the expression cannot be evaluated.
   */
  default List<Stream> evaluate(Metric metric, long start, long end, int resolution) {
    return List.of();
  }

  /** One output series of a composite: its tags and its points, oldest first. */
  record Stream(Map<String, String> tags, List<Point> points) {}

  /** Answers every composite query with 400 "composite metrics are not supported". */
  static CompositeQueries unsupported() {
    return new CompositeQueries() {
      @Override
      public ApiResponse compose(ApiRequest request) {
        throw ApiError.params("compose", "composite metrics are not supported");
      }

      @Override
      public ApiResponse queryPersisted(Metric metric, ApiRequest request) {
        throw ApiError.params("compose", "composite metrics are not supported");
      }
    };
  }
}
