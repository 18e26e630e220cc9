package dev.appoptics.emulator.internal.forward;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * One receiver: its queue and the one thread that delivers it, oldest first. One request is in flight at a time,
 * so the receiver sees each series' samples in the order they were accepted, sorted by time within each request.
 *
 * <p>Each request takes whatever is queued, up to {@link #MAX_MEASUREMENTS_PER_REQUEST}: batches grow while the
 * receiver is slow and shrink to one payload when it keeps up, with no waiting to fill them. No answer, 429 and 5xx
 * are retried with {@link Backoff} until they succeed (the queue holds the data meanwhile); a 400, 413 or 422 refuses
 * the content, so the request is split in halves until the refused samples are alone, and those are counted and
 * logged, never retried; any other 4xx refuses the whole request the same way.
 */
final class Destination implements Runnable {
  private static final System.Logger LOG = System.getLogger("dev.appoptics.forward");
  static final int MAX_MEASUREMENTS_PER_REQUEST = 10_000;
  private static final long REFUSAL_LOG_EVERY_MILLIS = 10_000;

  private final Wire wire;
  private final HttpPost http;
  private final ForwardQueue queue;
  private final long queueLimit;
  private final MetricDescriptions descriptions;
  private final Backoff backoff;
  private final ForwardStats stats = new ForwardStats();
  private final Thread thread;
  private volatile boolean closing;
  private volatile boolean healthy = true;
  private long lastRefusalLog;
  private long refusalsUnlogged;

  Destination(Wire wire, HttpPost http, ForwardQueue queue, long queueLimit, MetricDescriptions descriptions,
      Backoff backoff) {
    this.wire = wire;
    this.http = http;
    this.queue = queue;
    this.queueLimit = queueLimit;
    this.descriptions = descriptions;
    this.backoff = backoff;
    this.thread = new Thread(this, "appoptics-forward-" + wire.name());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  String name() {
    return wire.name();
  }

  ForwardQueue queue() {
    return queue;
  }

  long queueLimit() {
    return queueLimit;
  }

  ForwardStats stats() {
    return stats;
  }

  @Override
  public void run() {
    while (!closing) {
      try {
        ForwardQueue.Taken taken = queue.take(MAX_MEASUREMENTS_PER_REQUEST, 1000);
        if (taken.isEmpty()) {
          continue;
        }
        PointBatch batch = new PointBatch(descriptions);
        for (ForwardQueue.QueuedRecord r : taken.records()) {
          batch.addRecord(r.body());
        }
        if (deliver(batch.series(), taken)) {
          queue.remove(taken);
        }
      } catch (InterruptedException e) {
        if (!closing) {
          LOG.log(Level.WARNING, "forwarding to {0} was interrupted; it stops", http.uri());
        }
        return;
      } catch (IOException | RuntimeException e) {
        if (closing) {
          return;
        }
        LOG.log(Level.ERROR, "forwarding to " + http.uri() + " failed reading its queue; retrying in a second", e);
        pause(1000);
      }
    }
  }

  /**
   * Delivers {@code series} (splitting refused requests); false when closing stopped it before the end, so the
   * records stay queued.
   */
  private boolean deliver(List<SeriesPoints> series, ForwardQueue.Taken taken) throws InterruptedException {
    byte[] body = wire.body(series);
    int samples = samples(series);
    for (int attempt = 0; ; attempt++) {
      if (closing) {
        return false;
      }
      if (attempt > 0 && queue.overtaken(taken)) {
        return true; // dropped from a full queue while retrying: counted there, nothing left to deliver
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
      if (r.splittable() && (series.size() > 1 || series.get(0).size() > 1)) {
        for (List<SeriesPoints> half : halves(series)) {
          if (!deliver(half, taken)) {
            return false;
          }
        }
        return true;
      }
      refused(samples, r);
      return true;
    }
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

  private static int samples(List<SeriesPoints> series) {
    int n = 0;
    for (SeriesPoints s : series) {
      n += s.samples();
    }
    return n;
  }

  /** Waits unless closing; false when closing cut it short. */
  private synchronized boolean pause(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    for (long left = millis; left > 0 && !closing; left = deadline - System.currentTimeMillis()) {
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !closing;
  }

  /**
   * Stops delivering: waits up to {@code drainMillis} for the queue to empty while the receiver answers, then stops
   * the thread (a request in flight gets a few seconds to end). What is still queued stays in the queue (on disk it
   * is delivered after the next start).
   */
  void close(long drainMillis) throws IOException {
    long deadline = System.currentTimeMillis() + drainMillis;
    while (queue.records() > 0 && healthy && System.currentTimeMillis() < deadline && thread.isAlive()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closing = true;
    synchronized (this) {
      notifyAll();
    }
    queue.wakeUp();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.close();
  }
}
