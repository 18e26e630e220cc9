package dev.appoptics.cli;

import java.util.List;
import java.util.Map;

/**
 * The demo's made-up fleet: four hosts in two regions reporting CPU and request counts every 30 seconds for the
 * last half hour. Values follow smooth, deterministic curves so the charts look alike on every run.
 */
final class DemoData {
  static final String CPU = "demo.cpu";
  static final String REQUESTS = "demo.requests";
  static final int STEP_SECONDS = 30;
  static final int POINTS_PER_SERIES = 60;
  static final List<Map<String, String>> HOSTS =
      List.of(
          Map.of("host", "web1", "region", "us-east"),
          Map.of("host", "web2", "region", "us-east"),
          Map.of("host", "web3", "region", "eu-west"),
          Map.of("host", "web4", "region", "eu-west"));

  private DemoData() {}

  /** Epoch second of point {@code i} (0 = oldest), aligned to the step so the rollups are tidy. */
  static long time(long now, int i) {
    long last = now - now % STEP_SECONDS - STEP_SECONDS;
    return last - (long) (POINTS_PER_SERIES - 1 - i) * STEP_SECONDS;
  }

  /** CPU percent of host {@code h} at point {@code i}: a slow wave around a per-host base, peaking near 90. */
  static double cpu(int h, int i) {
    double value = 45 + 8 * h + 30 * Math.sin(i / 9.0 + h * 0.8);
    return Math.round(value * 10) / 10.0;
  }

  /** Requests served by host {@code h} in the 30 s before point {@code i}. */
  static double requests(int h, int i) {
    return 100 + 20 * h + (i * 7 + h * 13) % 40;
  }
}
