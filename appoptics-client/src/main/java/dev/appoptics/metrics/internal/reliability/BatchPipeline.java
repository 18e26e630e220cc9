package dev.appoptics.metrics.internal.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The reporter's default engine: a bounded buffer in memory that many threads add to, one batcher thread that cuts
 * batches by count and by age, and the {@link SendPool}'s sender threads, which encode and send them with retries.
 * Batches that still fail go to the spool (if any), which is drained oldest first at start, after each delivered
 * batch and every {@code replayInterval}. What is in the buffer, or in a batch being sent, is lost if the process
 * dies; {@link SpoolFirstPipeline} trades speed for that. Thread-safe.
 *
 * @param <M> the measurement type; the encoder turns a batch of them into a request body
 */
public final class BatchPipeline<M> implements Pipeline<M> {
  /** A flush request travelling through the buffer, so it is ordered after everything added before it. */
  private record Marker(CompletableFuture<Void> done, boolean last) {}

  private final PipelineSettings settings;
  private final PipelineCounters counters = new PipelineCounters();
  private final SendPool<M> senders;
  private final ArrayBlockingQueue<Object> buffer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastWakeNanos = System.nanoTime();

  /**
   * @param encoder turns a batch into a request body
   * @param sender sends one body once, throwing on any failure (the pipeline retries)
   * @param onFailure told about every batch given up (spooled or lost) and every spooled batch refused for good
   */
  public BatchPipeline(PipelineSettings settings, Function<List<M>, byte[]> encoder, Consumer<byte[]> sender,
      Retrier retrier, Consumer<RuntimeException> onFailure, String threadName) {
    this(settings, encoder, sender, retrier, onFailure, batch -> {}, threadName);
  }

  /** @param onSent told about every batch sent from memory that the API acknowledged */
  public BatchPipeline(PipelineSettings settings, Function<List<M>, byte[]> encoder, Consumer<byte[]> sender,
      Retrier retrier, Consumer<RuntimeException> onFailure, Consumer<List<M>> onSent, String threadName) {
    this.settings = settings;
    this.senders = new SendPool<>(settings, encoder, sender, retrier, onFailure, onSent, counters, threadName);
    this.buffer = new ArrayBlockingQueue<>(settings.capacity());
    Thread batcher = new Thread(this::batchLoop, threadName + "-batcher");
    batcher.setDaemon(true);
    batcher.start();
    senders.wake();
  }

  @Override
  public PipelineCounters counters() {
    return counters;
  }

  /** Measurements waiting in the buffer (not yet cut into a batch). */
  @Override
  public int buffered() {
    return (int) buffer.stream().filter(o -> !(o instanceof Marker)).count();
  }

  /**
   * Buffers a measurement; returns false if it was dropped because the buffer was full (drop policy) or the caller
   * was interrupted while waiting for room (block policy; the interrupt flag is kept).
   */
  @Override
  public boolean add(M measurement) {
    Objects.requireNonNull(measurement, "measurement == null");
    if (closed.get()) {
      throw new IllegalStateException("the reporter is closed; measurement not accepted: " + measurement);
    }
    if (settings.block()) {
      try {
        buffer.put(measurement);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        counters.dropped.increment();
        return false;
      }
    } else if (!buffer.offer(measurement)) {
      counters.dropped.increment();
      return false;
    }
    counters.accepted.increment();
    return true;
  }

  @Override
  public void flush() {
    if (closed.get()) {
      return;
    }
    long failuresBefore = senders.failures();
    awaitMarker(false);
    senders.awaitSpool(failuresBefore);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long failuresBefore = senders.failures();
    awaitMarker(true);
    senders.awaitSpool(failuresBefore);
    senders.close();
  }

  private void awaitMarker(boolean last) {
    Marker marker = new Marker(new CompletableFuture<>(), last);
    boolean interrupted = false;
    while (true) {
      try {
        buffer.put(marker);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    marker.done().join();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void batchLoop() {
    long intervalNanos = settings.flushInterval().toNanos();
    List<M> batch = new ArrayList<>(settings.batchSize());
    List<Object> drained = new ArrayList<>(settings.batchSize());
    long batchDeadline = 0;
    while (true) {
      Object next;
      try {
        long wait = batch.isEmpty() ? intervalNanos : batchDeadline - System.nanoTime();
        next = wait > 0 ? buffer.poll(wait, TimeUnit.NANOSECONDS) : null;
      } catch (InterruptedException e) {
        next = null; // nobody interrupts the batcher on purpose; carry on
      }
      if (next == null) {
        if (!batch.isEmpty()) {
          batch = dispatch(batch);
        }
        maybeWake();
        continue;
      }
      drained.add(next);
      buffer.drainTo(drained, settings.batchSize());
      for (Object o : drained) {
        if (o instanceof Marker marker) {
          if (!batch.isEmpty()) {
            batch = dispatch(batch);
          }
          senders.awaitIdle();
          marker.done().complete(null);
          if (marker.last()) {
            return;
          }
          continue;
        }
        @SuppressWarnings("unchecked")
        M m = (M) o;
        if (batch.isEmpty()) {
          batchDeadline = System.nanoTime() + intervalNanos;
        }
        batch.add(m);
        if (batch.size() >= settings.batchSize()) {
          batch = dispatch(batch);
        }
      }
      drained.clear();
    }
  }

  /** Hands a batch to a sender, waiting while {@code maxInFlight} are already being sent; returns a fresh list. */
  private List<M> dispatch(List<M> batch) {
    senders.sendFromMemory(batch);
    return new ArrayList<>(settings.batchSize());
  }

  /** Retries the spool every {@code replayInterval} while nothing else does. */
  private void maybeWake() {
    if (System.nanoTime() - lastWakeNanos >= settings.replayInterval().toNanos()) {
      lastWakeNanos = System.nanoTime();
      senders.wake();
    }
  }
}
