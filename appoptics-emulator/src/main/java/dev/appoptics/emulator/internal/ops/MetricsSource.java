package dev.appoptics.emulator.internal.ops;

/**
 * A part of the emulator or server that reports its own figures on {@code GET /metrics}: the front, the store,
 * alert evaluation, forwarding. Called on every scrape, from the scraping thread: read counters, do no I/O.
 */
@FunctionalInterface
public interface MetricsSource {
  void writeTo(PrometheusText out);
}
