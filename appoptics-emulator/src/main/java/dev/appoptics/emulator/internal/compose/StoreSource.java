package dev.appoptics.emulator.internal.compose;

import dev.appoptics.composite.MetricInfo;
import dev.appoptics.composite.Point;
import dev.appoptics.composite.Series;
import dev.appoptics.composite.SeriesQuery;
import dev.appoptics.composite.SeriesRequest;
import dev.appoptics.composite.SeriesSource;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code series()} selections from the emulator's measurement store. Composite metrics are never selected (a
 * composite cannot reference another), and streams without points in the window are left out, as the service does.
 */
final class StoreSource implements SeriesSource {
  private final MeasurementStore store;

  StoreSource(MeasurementStore store) {
    this.store = store;
  }

  @Override
  public List<Series> select(SeriesRequest request) {
    SummaryFunction function = SummaryFunction.parse(request.function()).orElse(SummaryFunction.MEAN);
    List<Series> out = new ArrayList<>();
    for (Metric metric : store.registry().find(request.metricPattern())) {
      if (metric.isComposite()) {
        continue;
      }
      MetricInfo info = new MetricInfo(metric.name(), metric.type(), metric.attributes(),
          metric.period().isPresent() ? OptionalLong.of(metric.period().getAsInt()) : OptionalLong.empty());
      for (dev.appoptics.emulator.internal.store.Series stream : store.series(metric.name())) {
        if (!request.matchesTags(stream.tags())) {
          continue;
        }
        // The store's read includes its end; the request's end is exclusive.
        List<Point> points = stream.read(request.start(), request.end() - 1, request.step(), function).stream()
            .map(p -> new Point(p.time(), p.value()))
            .toList();
        if (!points.isEmpty()) {
          out.add(new Series(stream.tags(), points, Optional.of(info),
              new SeriesQuery(metric.name(), request.tagPatterns()), request.step()));
        }
      }
    }
    return out;
  }
}
