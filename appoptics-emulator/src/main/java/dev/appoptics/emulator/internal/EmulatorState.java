package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.internal.ops.MetricsSource;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The data every module may read: the metric registry and the measurement store, and the parts that report on
 * {@code GET /metrics}. Thread-safe.
 */
public final class EmulatorState {
  private final MetricRegistry registry;
  private final MeasurementStore store;
  private final List<MetricsSource> metricsSources = new CopyOnWriteArrayList<>();

  public EmulatorState(EmulatorSettings settings) {
    this.registry = new MetricRegistry(settings.maxMetrics());
    this.store = new MeasurementStore(registry, settings.maxSeries(), settings.maxPoints());
  }

  public MetricRegistry registry() {
    return registry;
  }

  public MeasurementStore store() {
    return store;
  }

  /** Adds a part whose figures {@link #writeMetrics} reports. */
  public void addMetricsSource(MetricsSource source) {
    metricsSources.add(source);
  }

  /** Every registered part's figures, in the Prometheus text format. */
  public String writeMetrics() {
    PrometheusText out = new PrometheusText();
    for (MetricsSource source : metricsSources) {
      source.writeTo(out);
    }
    return out.toString();
  }
}
