package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.internal.ops.PrometheusText;

/** The figures every storage reports on {@code GET /metrics}: what the measurement store holds. */
public final class StoreFigures {
  private StoreFigures() {}

  public static void writeCounts(PrometheusText out, MeasurementStore store) {
    out.single("appoptics_store_metrics", "gauge", "Metrics known (measured or created).", store.registry().size());
    out.single("appoptics_store_series", "gauge", "Series stored (metric and tag set).", store.seriesCount());
    out.single("appoptics_store_points", "gauge", "1-second points stored over all series.", store.pointCount());
    out.single("appoptics_store_measurements_accepted_total", "counter",
        "Measurements accepted since start.", store.acceptedCount());
  }
}
