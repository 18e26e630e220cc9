package dev.appoptics.emulator.internal.http;

import java.util.Map;

/**
 * {@code GET /health}: {@code 200 {"status":"ok"}} while the emulator answers requests. A public route, so load
 * balancers and container probes need no token and never meet injected faults or the rate limit.
 */
public final class HealthModule implements ApiModule {
  @Override
  public void register(Router router) {
    router.addPublic("GET", "/health", request -> ApiResponse.json(200, Map.of("status", "ok")));
  }

  @Override
  public void clear() {
    // nothing stored
  }
}
