package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * One receiver: its queue and the one thread that delivers it, oldest first. One request is in flight at a time,
 * so the receiver sees each series' samples in the order they were accepted, sorted by time within each request.
 * Each request takes whatever is queued, oldest first, until it holds {@link #MAX_SAMPLES_PER_REQUEST} samples (after
 * merging the measurements of each series and second) or {@link #MAX_MEASUREMENTS_PER_REQUEST} measurements; after a
 * request less than half full the sender lets more accumulate for {@link #BATCH_WAIT_MILLIS}, so a busy server sends
 * a few large requests a second rather than one per payload, and requests grow to the maximum while the receiver is
 * slow or was down. A record leaves the queue once {@link Delivery} got it accepted or refused.
 */
final class Destination implements Runnable {
  private static final System.Logger LOG = System.getLogger("dev.appoptics.forward");
  /** Samples per request at most (besides those of its first record): 10,000 summaries, or 50,000 plain values. */
  static final int MAX_SAMPLES_PER_REQUEST = 50_000;
  /** Measurements per request at most (besides its first record), however far they merge. */
  static final int MAX_MEASUREMENTS_PER_REQUEST = 100_000;
  /** After a request less than half full, how long to let more accumulate: at most ten such requests a second. */
  static final long BATCH_WAIT_MILLIS = 100;

  private final String name;
  private final Delivery delivery;
  private final ForwardQueue queue;
  private final long queueLimit;
  private final MetricDescriptions descriptions;
  private final ForwardStats stats;
  private final SeriesTable seriesTable = new SeriesTable();
  private final Thread thread;
  private volatile boolean closing;

  Destination(Wire wire, HttpPost http, ForwardQueue queue, long queueLimit, MetricDescriptions descriptions,
      Backoff backoff) {
    this.name = wire.name();
    this.stats = new ForwardStats();
    this.delivery = new Delivery(wire, http, backoff, stats);
    this.queue = queue;
    this.queueLimit = queueLimit;
    this.descriptions = descriptions;
    this.thread = new Thread(this, "appoptics-forward-" + name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  String name() {
    return name;
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
        PointBatch batch = new PointBatch(descriptions, seriesTable);
        int used = 0;
        while (used < taken.records().size() && (used == 0 || batch.samples() < MAX_SAMPLES_PER_REQUEST)) {
          add(batch, taken.records().get(used++));
        }
        ForwardQueue.Taken sent = taken.first(used);
        // records dropped from a full queue while retrying were counted there: nothing left to deliver
        if (delivery.deliver(batch.series(), () -> queue.overtaken(sent)) || queue.overtaken(sent)) {
          queue.remove(sent);
        }
        if (used == taken.records().size() && sent.measurements() < MAX_MEASUREMENTS_PER_REQUEST / 2
            && batch.samples() < MAX_SAMPLES_PER_REQUEST / 2) {
          delivery.pause(BATCH_WAIT_MILLIS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        if (closing) {
          return;
        }
        LOG.log(Level.ERROR, "forwarding to " + delivery.receiver() + " failed reading its queue; retrying soon", e);
        delivery.pause(1000);
      }
    }
  }

  /**
   * Adds a record's points to {@code batch}; one that does not decode (damaged, or written by a later version) is
   * left out, logged and counted as dropped, rather than blocking the queue forever.
   */
  private void add(PointBatch batch, ForwardQueue.QueuedRecord r) {
    try {
      batch.addRecord(r.body());
    } catch (CorruptDataException e) {
      stats.droppedMeasurements.add(r.measurements());
      LOG.log(Level.ERROR, "forwarding to {0}: left out a queue record of {1} measurements (queued at {2}) that"
          + " does not decode: {3}", delivery.receiver(), r.measurements(), Instant.ofEpochMilli(r.enqueueMillis()),
          e.getMessage());
    }
  }

  /**
   * Stops delivering: waits up to {@code drainMillis} for the queue to empty while the receiver answers, then stops
   * the thread (a request in flight gets a few seconds to end). What is still queued stays in the queue (on disk it
   * is delivered after the next start).
   */
  void close(long drainMillis) throws IOException {
    long deadline = System.currentTimeMillis() + drainMillis;
    while (queue.records() > 0 && delivery.healthy() && System.currentTimeMillis() < deadline && thread.isAlive()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closing = true;
    delivery.stop();
    queue.wakeUp();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.close();
  }
}
