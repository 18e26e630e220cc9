package dev.appoptics.emulator.internal.http;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Health checks, public routes (no token, no injected faults, no rate limit) for load balancers and container probes:
 *
 * <ul>
 *   <li>{@code GET /health} (readiness): {@code 200 {"status":"ok"}} while requests are served; {@code 503
 *       {"status":"starting"}} while the data is being recovered, {@code 503 {"status":"stopping"}} once shutdown
 *       began.
 *   <li>{@code GET /health/live} (liveness): {@code 200 {"status":"ok"}} whenever the process answers at all, so a
 *       long recovery is not mistaken for a hung server.
 * </ul>
 *
 * The front registers this module itself, before the API's, so that both answer from the moment it listens.
 */
final class HealthModule implements ApiModule {
  private final Supplier<HttpFront.Phase> phase;

  HealthModule(Supplier<HttpFront.Phase> phase) {
    this.phase = phase;
  }

  @Override
  public void register(Router router) {
    router.addPublic("GET", "/health", request -> {
      HttpFront.Phase now = phase.get();
      return now == HttpFront.Phase.SERVING
          ? ApiResponse.json(200, Map.of("status", "ok"))
          : ApiResponse.json(503, Map.of("status", now.name().toLowerCase(Locale.ROOT)))
              .withHeader("Retry-After", "1");
    });
    router.addPublic("GET", "/health/live", request -> ApiResponse.json(200, Map.of("status", "ok")));
  }

  @Override
  public void clear() {
    // nothing stored
  }
}
