package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;


/** The data every module may read: the metric registry and the measurement store. Thread-safe. */
public final class EmulatorState {
  private final MetricRegistry registry = new MetricRegistry();
  private final MeasurementStore store;

  public EmulatorState(EmulatorSettings settings) {
    this.store = new MeasurementStore(registry, settings.maxSeries(), settings.maxPoints());
  }

  public MetricRegistry registry() {
    return registry;
  }

  public MeasurementStore store() {
    return store;
  }
}
