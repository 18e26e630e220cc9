package dev.appoptics.emulator.internal.ops;

import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;

/**
 * {@code GET /metrics}: every part's figures ({@link EmulatorState#writeMetrics()}) in the Prometheus text format,
 * for Prometheus, VictoriaMetrics or any scraper that reads it. A public route: no token, faults or rate limit.
 */
public final class MetricsEndpoint implements ApiModule {
  private final EmulatorState state;

  public MetricsEndpoint(EmulatorState state) {
    this.state = state;
  }

  @Override
  public void register(Router router) {
    router.addPublic("GET", "/metrics", request ->
        ApiResponse.text(200, state.writeMetrics()).withHeader("Content-Type", PrometheusText.CONTENT_TYPE));
  }

  @Override
  public void clear() {
    // the figures count since start; clearing the stored data does not rewrite history
  }
}
