package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.internal.ops.MetricsSource;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ResourceStore;
import dev.appoptics.emulator.internal.store.Storage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The data every module may read: the storage (the measurement store with its metric registry, and the resource
 * store the resource areas keep their records in), and the parts that report on {@code GET /metrics}. Thread-safe.
 */
public final class EmulatorState {
  private final Storage storage;
  private final List<MetricsSource> metricsSources = new CopyOnWriteArrayList<>();

  /** Opens the storage the settings ask for (in memory, or durable in a data directory). */
  public EmulatorState(EmulatorSettings settings) {
    this.storage = Storage.open(settings);
    addMetricsSource(storage);
  }

  public Storage storage() {
    return storage;
  }

  public MetricRegistry registry() {
    return storage.measurements().registry();
  }

  public MeasurementStore store() {
    return storage.measurements();
  }

  public ResourceStore resources() {
    return storage.resources();
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
