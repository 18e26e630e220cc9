package dev.appoptics.emulator.internal.forward;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Gets one request's series to a receiver, or establishes that the receiver refuses them. No answer, 429 and 5xx
 * are retried with {@link Backoff} until they succeed or the caller gives up; a 400, 413 or 422 refuses the content
 * (an out-of-order or duplicate sample, a request too large), so the request is split in halves until the refused
 * samples are alone, and those are counted and logged, never retried; any other 4xx refuses the whole request.
 * Used by one thread at a time; {@link #stop} may be called from any thread.
 */
final class Delivery {
  private static final System.Logger LOG = System.getLogger("dev.appoptics.forward");
  private static final long REFUSAL_LOG_EVERY_MILLIS = 10_000;

  private final Wire wire;
  private final HttpPost http;
  private final Backoff backoff;
  private final ForwardStats stats;
  private volatile boolean stopped;
  private volatile boolean healthy = true;
  private long lastRefusalLog;
  private long refusalsUnlogged;

  Delivery(Wire wire, HttpPost http, Backoff backoff, ForwardStats stats) {
    this.wire = wire;
    this.http = http;
    this.backoff = backoff;
    this.stats = stats;
  }

  String receiver() {
    return http.uri().toString();
  }

  /** Whether the last attempt got an answer other than a retryable failure. */
  boolean healthy() {
    return healthy;
  }

  /**
   * Delivers {@code series}: true when every sample was accepted or refused, false when {@link #stop} or {@code
   * giveUp} (asked before each retry) ended it first.
   */
  boolean deliver(List<SeriesPoints> series, BooleanSupplier giveUp) throws InterruptedException {
    byte[] body = wire.body(series);
    int samples = samples(series);
    for (int attempt = 0; ; attempt++) {
      if (stopped || (attempt > 0 && giveUp.getAsBoolean())) {
        return false;
      }
      HttpPost.Result r = http.post(body, wire.headers());
      if (r.ok()) {
        long refused = Math.min(samples, wire.refusedIn(r.body()));
        stats.sentSamples.add(samples - refused);
        stats.sentRequests.increment();
        if (refused > 0) {
          refused(refused, r);
        }
        if (!healthy) {
          healthy = true;
          LOG.log(Level.INFO, "forwarding to {0} delivers again", http.uri());
        }
        return true;
      }
      if (r.retryable()) {
        stats.retriedRequests.increment();
        if (healthy) {
          healthy = false;
          LOG.log(Level.WARNING, "forwarding to {0} failed ({1}); retrying with back-off, the queue holds the data",
              http.uri(), r.describe());
        }
        if (!pause(backoff.delayMillis(attempt, r.retryAfter()))) {
          return false;
        }
        continue;
      }
      healthy = true;
      if (r.splittable() && (series.size() > 1 || series.get(0).size() > 1)) {
        for (List<SeriesPoints> half : halves(series)) {
          if (!deliver(half, giveUp)) {
            return false;
          }
        }
        return true;
      }
      refused(samples, r);
      return true;
    }
  }

  /** Ends retries and waits: {@link #deliver} returns false at its next step. */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  private static List<List<SeriesPoints>> halves(List<SeriesPoints> series) {
    if (series.size() > 1) {
      int mid = series.size() / 2;
      return List.of(series.subList(0, mid), series.subList(mid, series.size()));
    }
    SeriesPoints only = series.get(0);
    int mid = only.size() / 2;
    return List.of(List.of(only.slice(0, mid)), List.of(only.slice(mid, only.size())));
  }

  private void refused(long samples, HttpPost.Result r) {
    stats.refusedSamples.add(samples);
    long now = System.currentTimeMillis();
    if (now - lastRefusalLog >= REFUSAL_LOG_EVERY_MILLIS) {
      LOG.log(Level.WARNING, "{0} refused {1} samples ({2}); they are not retried{3}", http.uri(), samples,
          r.describe(), refusalsUnlogged > 0 ? "; " + refusalsUnlogged + " more refused since the last report" : "");
      lastRefusalLog = now;
      refusalsUnlogged = 0;
    } else {
      refusalsUnlogged += samples;
    }
  }

  static int samples(List<SeriesPoints> series) {
    int n = 0;
    for (SeriesPoints s : series) {
      n += s.samples();
    }
    return n;
  }

  /** Waits unless stopped; false when stopping cut it short. */
  synchronized boolean pause(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    for (long left = millis; left > 0 && !stopped; left = deadline - System.currentTimeMillis()) {
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stopped;
  }
}
