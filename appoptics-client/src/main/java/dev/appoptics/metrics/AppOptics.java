package dev.appoptics.metrics;

/**
 * A connection to the AppOptics Metrics API. Create one with {@link #connect(String)} or {@link #builder()}, share it
 * across threads, and close it when done.
 */
public final class AppOptics implements AutoCloseable {
  // SKELETON — the client core fills in construction, measurements, metrics and queues.

  // ---- annotations (client resources) ----

  // ---- spaces and charts (client resources) ----

  // ---- alerts and services (client resources) ----

  // ---- composites ----

  @Override
  public void close() {}
}
