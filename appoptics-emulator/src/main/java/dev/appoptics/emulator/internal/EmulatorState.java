package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.internal.ops.MetricsSource;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.ResourceStore;
import dev.appoptics.emulator.internal.store.Storage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
/**
 * The data every module may read: the storage (the measurement store with its metric registry, and the resource
 * store the resource areas keep their records in), the parts that see accepted measurement batches, and the parts
 * that report on {@code GET /metrics}. Thread-safe.
 */
public final class EmulatorState {
  private final Storage storage;
  private final List<MetricsSource> metricsSources = new CopyOnWriteArrayList<>();
  private final List<AcceptedBatchListener> batchListeners = new CopyOnWriteArrayList<>();

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

  /** Adds a part that sees every accepted measurement batch (see {@link AcceptedBatchListener}). */
  public void addAcceptedBatchListener(AcceptedBatchListener listener) {
    batchListeners.add(listener);
  }

  /** Asks every listener whether to take {@code batch}; one that refuses throws (an {@code ApiError}). */
  public void admitBatch(List<ParsedMeasurement> batch) {
    for (AcceptedBatchListener l : batchListeners) {
      l.admit(batch);
    }
  }

  /** Tells every listener that {@code batch} is stored; called before the request is answered. */
  public void batchAccepted(List<ParsedMeasurement> batch, long requestTime) {
    for (AcceptedBatchListener l : batchListeners) {
      l.accepted(batch, requestTime);
    }
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
