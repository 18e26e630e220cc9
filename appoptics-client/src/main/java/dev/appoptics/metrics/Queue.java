package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects measurements and submits them in batches of at most 300 per request. Use it in try-with-resources: the
 * queue submits on close, also when the block threw (the block's exception propagates, with a failed submit attached
 * as suppressed).
 *
 * <pre>{@code
 * try (Queue q = api.newQueue(QueueOptions.builder().tags(Map.of("service", "api")).build())) {
 *   q.add("requests", 1, Map.of("route", "/login"));
 *   q.add("latency", 12.5);   // inherits the queue's and the connection's tags
 * }
 * }</pre>
 *
 * <p>Thread-safe. Measurements are validated and their tags resolved when added (measurement over queue over
 * connection). A submit swaps the buffer under a short lock, so adds made while it is sending land in the next
 * batch; when a request fails, the measurements not yet accepted (the failed chunk and those after it) go back to
 * the front of the queue, ahead of newer adds, and the error is thrown. Submits run one at a time.
 */
public final class Queue implements AutoCloseable {
  private final AppOptics connection;
  private final Measurements api;
  private final int autoSubmitCount;
  private final Object bufferLock = new Object();
  private final ReentrantLock submitLock = new ReentrantLock();
  private volatile Map<String, String> tags;
  private List<Measurement> pending = new ArrayList<>();

  Queue(AppOptics connection, Measurements api, QueueOptions options) {
    this.connection = connection;
    this.api = api;
    this.tags = options.tags();
    this.autoSubmitCount = options.autoSubmitCount();
  }

  /** Queues a value tagged with the queue's and the connection's tags. */
  public void add(String name, double value) {
    add(Measurement.builder(name).value(value).build());
  }

  /** Queues a value with exactly these tags (or the inherited ones when {@code tags} is empty). */
  public void add(String name, double value, Map<String, String> tags) {
    append(api.resolveValue(name, value, tags, this.tags));
  }

  /** Queues a value; with {@code inheritTags} the queue's and connection's tags fill in names not given. */
  public void add(String name, double value, Map<String, String> tags, boolean inheritTags) {
    add(Measurement.builder(name).value(value).tags(tags).inheritTags(inheritTags).build());
  }

  /** Queues a measurement (time, period, summaries as set on it). */
  public void add(Measurement measurement) {
    append(api.resolve(Check.notNull("measurement", measurement), tags));
  }

  private void append(Measurement resolved) {
    int size;
    synchronized (bufferLock) {
      pending.add(resolved);
      size = pending.size();
    }
    autoSubmit(size);
  }

  /** Same as {@link #add(String, double, Map)}. */
  public void addTagged(String name, double value, Map<String, String> tags) {
    add(name, value, tags);
  }

  /** Same as {@link #add(String, double, Map, boolean)}. */
  public void addTagged(String name, double value, Map<String, String> tags, boolean inheritTags) {
    add(name, value, tags, inheritTags);
  }

  /** Same as {@link #add(Measurement)}. */
  public void addTagged(Measurement measurement) {
    add(measurement);
  }

  /**
   * Moves the aggregator's summaries into this queue (tagged with the aggregator's tags, or the queue's and the
   * connection's when it has none) and clears the aggregator.
   */
  public void addAggregator(Aggregator aggregator) {
    List<Measurement> drained = Check.notNull("aggregator", aggregator).drain();
    List<Measurement> resolved = new ArrayList<>(drained.size());
    for (Measurement m : drained) {
      resolved.add(api.resolve(m, tags));
    }
    int size;
    synchronized (bufferLock) {
      pending.addAll(resolved);
      size = pending.size();
    }
    autoSubmit(size);
  }

  private void autoSubmit(int size) {
    if (autoSubmitCount > 0 && size >= autoSubmitCount) {
      submit();
    }
  }

  /**
   * Sends everything queued, in requests of at most 300 measurements. Does nothing when the queue is empty.
   *
   * @return how many measurements were sent
   * @throws AppOpticsException when a request fails; the unsent measurements stay queued
   */
  public int submit() {
    submitLock.lock();
    try {
      List<Measurement> batch;
      synchronized (bufferLock) {
        if (pending.isEmpty()) {
          return 0;
        }
        batch = pending;
        pending = new ArrayList<>();
      }
      for (int from = 0; from < batch.size(); from += Measurements.CHUNK_SIZE) {
        List<Measurement> chunk = batch.subList(from, Math.min(batch.size(), from + Measurements.CHUNK_SIZE));
        try {
          api.post(chunk);
        } catch (PartialFailureException e) {
          // the service stored part of this chunk: re-sending it would duplicate those, so only later chunks return
          requeueFront(batch.subList(Math.min(batch.size(), from + Measurements.CHUNK_SIZE), batch.size()));
          throw e;
        } catch (RuntimeException e) {
          requeueFront(batch.subList(from, batch.size()));
          throw e;
        }
      }
      return batch.size();
    } finally {
      submitLock.unlock();
    }
  }

  private void requeueFront(List<Measurement> unsent) {
    synchronized (bufferLock) {
      List<Measurement> restored = new ArrayList<>(unsent.size() + pending.size());
      restored.addAll(unsent);
      restored.addAll(pending);
      pending = restored;
    }
  }

  /** How many measurements are queued. */
  public int size() {
    synchronized (bufferLock) {
      return pending.size();
    }
  }

  /** Whether nothing is queued. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** A snapshot of the queued measurements as they will be sent (resolved names and tags), oldest first. */
  public List<Measurement> measurements() {
    synchronized (bufferLock) {
      return List.copyOf(pending);
    }
  }

  /** The queue's own tags. */
  public Map<String, String> getTags() {
    return tags;
  }

  /** Replaces the queue's tags; applies to measurements added from now on. */
  public synchronized void setTags(Map<String, String> tags) {
    this.tags = Tags.copy(tags);
  }

  /** Adds to the queue's tags; applies to measurements added from now on. */
  public synchronized void addTags(Map<String, String> tags) {
    this.tags = Tags.merge(this.tags, tags);
  }

  /** The connection this queue sends through. */
  public AppOptics connection() {
    return connection;
  }

  /** Submits what is queued. */
  @Override
  public void close() {
    submit();
  }

  @Override
  public String toString() {
    return "Queue{size=" + size() + ", tags=" + tags + ", autoSubmitCount=" + autoSubmitCount + "}";
  }
}
