package dev.appoptics.metrics.internal.reliability;

import dev.appoptics.metrics.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine behind the asynchronous reporter: a bounded buffer that many threads add to, one batcher thread that
 * cuts batches by count and by age, and {@code maxInFlight} sender threads that encode and send them with retries.
 * Batches that still fail go to the spool (if any), which is replayed oldest-first at start, after each successful
 * send and every {@code replayInterval}. Thread-safe.
 *
 * @param <M> the measurement type; the encoder turns a batch of them into a request body
 */
public final class BatchPipeline<M> implements AutoCloseable {
  /** A flush request travelling through the buffer, so it is ordered after everything added before it. */
  private record Marker(CompletableFuture<Void> done, boolean last) {}

  private final PipelineSettings settings;
  private final Function<List<M>, byte[]> encoder;
  private final Consumer<byte[]> sender;
  private final Retrier retrier;
  private final Consumer<RuntimeException> onFailure;
  private final Consumer<List<M>> onSent;
  private final PipelineCounters counters = new PipelineCounters();
  private final ArrayBlockingQueue<Object> buffer;
  private final Semaphore inFlight;
  private final ExecutorService senders;
  private final Thread batcher;
  private final AtomicBoolean replaying = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastReplayNanos = System.nanoTime();

  /**
   * @param encoder turns a batch into a request body
   * @param sender sends one body once, throwing on any failure (the pipeline retries)
   * @param onFailure told about every batch given up (spooled or lost) and every spooled batch refused for good
   */
  public BatchPipeline(PipelineSettings settings, Function<List<M>, byte[]> encoder, Consumer<byte[]> sender,
      Retrier retrier, Consumer<RuntimeException> onFailure, String threadName) {
    this(settings, encoder, sender, retrier, onFailure, batch -> {}, threadName);
  }

  /**
   * @param onSent told about every batch sent from memory that the API acknowledged (spooled batches re-sent later
   *     are kept encoded only, so they are counted but not told)
   */
  public BatchPipeline(PipelineSettings settings, Function<List<M>, byte[]> encoder, Consumer<byte[]> sender,
      Retrier retrier, Consumer<RuntimeException> onFailure, Consumer<List<M>> onSent, String threadName) {
    this.settings = settings;
    this.encoder = encoder;
    this.sender = sender;
    this.retrier = retrier;
    this.onFailure = onFailure;
    this.onSent = onSent;
    this.buffer = new ArrayBlockingQueue<>(settings.capacity());
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.senders = Executors.newFixedThreadPool(settings.maxInFlight(), r -> daemon(r, threadName + "-sender"));
    this.batcher = daemon(this::batchLoop, threadName + "-batcher");
    batcher.start();
    triggerReplay();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public PipelineCounters counters() {
    return counters;
  }

  /** Measurements waiting in the buffer (not yet cut into a batch). */
  public int buffered() {
    return (int) buffer.stream().filter(o -> !(o instanceof Marker)).count();
  }

  /**
   * Buffers a measurement; returns false if it was dropped because the buffer was full (drop policy) or the caller
   * was interrupted while waiting for room (block policy; the interrupt flag is kept).
   */
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

  /** Sends everything added before this call and waits until those batches are acknowledged, spooled or lost. */
  public void flush() {
    if (closed.get()) {
      return;
    }
    awaitMarker(false);
  }

  /** Flushes everything, stops the threads and returns; later {@code add} calls fail. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    awaitMarker(true);
    senders.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (senders.awaitTermination(1, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
        maybeReplay();
        continue;
      }
      drained.add(next);
      buffer.drainTo(drained, settings.batchSize());
      for (Object o : drained) {
        if (o instanceof Marker marker) {
          if (!batch.isEmpty()) {
            batch = dispatch(batch);
          }
          awaitIdle();
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
    inFlight.acquireUninterruptibly();
    try {
      senders.execute(() -> {
        try {
          send(batch);
        } finally {
          inFlight.release();
        }
      });
    } catch (RuntimeException rejected) {
      inFlight.release();
      throw rejected;
    }
    return new ArrayList<>(settings.batchSize());
  }

  /** Waits until no batch is being sent. */
  private void awaitIdle() {
    inFlight.acquireUninterruptibly(settings.maxInFlight());
    inFlight.release(settings.maxInFlight());
  }

  private void send(List<M> batch) {
    byte[] body;
    try {
      body = encoder.apply(batch);
    } catch (RuntimeException e) {
      counters.failed.add(batch.size());
      onFailure.accept(e);
      return;
    }
    try {
      retrier.call(RequestKind.MEASUREMENTS, () -> {
        sender.accept(body);
        return null;
      }, (kind, attempt, failure, wait) -> counters.retried.increment());
      counters.sent.add(batch.size());
      onSent.accept(List.copyOf(batch));
      triggerReplay();
    } catch (RuntimeException e) {
      counters.failedRequests.increment();
      keepOrLose(body, batch.size(), retrier.classify(e));
      onFailure.accept(e);
    }
  }

  /** A batch that failed after all retries: spooled unless it can never succeed or may already be stored. */
  private void keepOrLose(byte[] body, int measurements, Failure failure) {
    boolean mayBeStored = failure.kind() == Failure.Kind.MAYBE_DELIVERED
        && retrier.policy().delivery() == RetryPolicy.Delivery.AT_MOST_ONCE;
    if (settings.spool().isEmpty() || failure.kind() == Failure.Kind.PERMANENT || mayBeStored) {
      counters.failed.add(measurements);
      return;
    }
    Spool spool = settings.spool().get();
    long evictedBefore = spool.droppedMeasurements();
    if (spool.write(body, measurements)) {
      counters.spooled.add(measurements);
    }
    counters.dropped.add(spool.droppedMeasurements() - evictedBefore);
  }

  private void maybeReplay() {
    if (System.nanoTime() - lastReplayNanos >= settings.replayInterval().toNanos()) {
      triggerReplay();
    }
  }

  private void triggerReplay() {
    if (settings.spool().isEmpty() || settings.spool().get().isEmpty() || !replaying.compareAndSet(false, true)) {
      return;
    }
    lastReplayNanos = System.nanoTime();
    try {
      senders.execute(this::replay);
    } catch (RuntimeException shuttingDown) {
      replaying.set(false);
    }
  }

  /** Re-sends spooled batches oldest first, once each, until one fails for a reason worth retrying later. */
  private void replay() {
    Spool spool = settings.spool().get();
    try {
      for (List<Spool.Entry> entries = spool.entries(); !entries.isEmpty(); entries = spool.entries()) {
        for (Spool.Entry entry : entries) {
          try {
            sender.accept(spool.read(entry));
            spool.delete(entry);
            counters.sent.add(entry.measurements());
          } catch (RuntimeException e) {
            if (retrier.classify(e).kind() != Failure.Kind.PERMANENT) {
              return;
            }
            spool.delete(entry);
            counters.failed.add(entry.measurements());
            onFailure.accept(e);
          }
        }
      }
    } finally {
      lastReplayNanos = System.nanoTime();
      replaying.set(false);
    }
  }
}
