package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory emulator's storage: measurements in memory, resources nowhere. Retention, when one is set, runs once
 * a minute on a daemon thread; by default everything is kept.
 */
public final class MemoryStorage implements Storage {
  private final MemoryMeasurementStore measurements;
  private final Retention retention;
  private final AtomicLong retentionRuns = new AtomicLong();
  private ScheduledExecutorService retentionTimer;

  public MemoryStorage(EmulatorSettings settings) {
    this.retention = settings.retention().orElse(Retention.forever());
    this.measurements = new MemoryMeasurementStore(new MetricRegistry(settings.maxMetrics(), ResourceStore.NONE),
        settings.maxSeries(), settings.maxPoints(), retention, settings.clock());
  }

  @Override
  public MeasurementStore measurements() {
    return measurements;
  }

  @Override
  public ResourceStore resources() {
    return ResourceStore.NONE;
  }

  @Override
  public synchronized void start() {
    if (retention.keepsEverything() || retentionTimer != null) {
      return;
    }
    retentionTimer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "appoptics-retention");
      t.setDaemon(true);
      return t;
    });
    retentionTimer.scheduleWithFixedDelay(() -> {
      measurements.expire();
      retentionRuns.incrementAndGet();
    }, 1, 60, TimeUnit.SECONDS);
  }

  @Override
  public void sync() {}

  @Override
  public synchronized void close() {
    if (retentionTimer != null) {
      retentionTimer.shutdownNow();
    }
  }

  @Override
  public void writeTo(PrometheusText out) {
    StoreFigures.writeCounts(out, measurements);
    out.single("appoptics_store_retention_runs_total", "counter", "Retention runs since start.", retentionRuns.get());
  }
}
