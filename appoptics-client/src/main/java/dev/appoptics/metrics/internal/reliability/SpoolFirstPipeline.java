package dev.appoptics.metrics.internal.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A reporter engine that writes every batch to the spool before it is sent, so a process that dies loses only the
 * batch being cut: the measurements added since the last cut (fewer than {@code batchSize}, at most
 * {@code flushInterval} old). {@code add} appends to that batch under a lock; the call that fills it encodes it and
 * writes it to the spool before returning (so adding threads pay the disk write, and wait while another does);
 * a timer thread cuts batches that reach {@code flushInterval}. A batch goes to a free sender right away, or waits in
 * the spool for a sender that drains it; it leaves the spool once acknowledged. A batch in flight when the process
 * dies is sent again by the next start, so this needs at-least-once delivery. The spool's bound replaces the
 * buffer: when it is full the oldest waiting batches are evicted and counted as dropped. Thread-safe.
 *
 * @param <M> the measurement type; the encoder turns a batch of them into a request body
 */
public final class SpoolFirstPipeline<M> implements Pipeline<M> {
  private final PipelineSettings settings;
  private final Spool spool;
  private final PipelineCounters counters = new PipelineCounters();
  private final SendPool<M> senders;
  /** Guards {@link #current}, {@link #deadlineNanos} and {@link #closed}; the timer waits on it. */
  private final Object lock = new Object();
  private final Thread timer;
  private List<M> current;
  private long deadlineNanos;
  private boolean closed;

  /** As {@link BatchPipeline#BatchPipeline}; {@code settings} must name a spool. */
  public SpoolFirstPipeline(PipelineSettings settings, Function<List<M>, byte[]> encoder, Consumer<byte[]> sender,
      Retrier retrier, Consumer<RuntimeException> onFailure, String threadName) {
    this.settings = settings;
    this.spool = settings.spool().orElseThrow(() -> new IllegalArgumentException("spool first needs a spool"));
    // its batches are sent from the spool, where they are kept encoded: nothing to tell about them as measurements
    this.senders = new SendPool<>(settings, encoder, sender, retrier, onFailure, batch -> {}, counters, threadName);
    this.current = new ArrayList<>(settings.batchSize());
    this.timer = new Thread(this::timerLoop, threadName + "-timer");
    timer.setDaemon(true);
    timer.start();
    senders.wake();
  }

  @Override
  public PipelineCounters counters() {
    return counters;
  }

  @Override
  public int buffered() {
    synchronized (lock) {
      return current.size();
    }
  }

  /** Adds to the batch being cut; always true (the spool's bound applies to whole batches, see the class). */
  @Override
  public boolean add(M measurement) {
    Objects.requireNonNull(measurement, "measurement == null");
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the reporter is closed; measurement not accepted: " + measurement);
      }
      if (current.isEmpty()) {
        deadlineNanos = System.nanoTime() + settings.flushInterval().toNanos();
        lock.notifyAll(); // the timer may be asleep until the next replay: it must wake for this deadline
      }
      current.add(measurement);
      counters.accepted.increment();
      if (current.size() >= settings.batchSize()) {
        cut();
      }
    }
    return true;
  }

  @Override
  public void flush() {
    long failuresBefore = senders.failures();
    synchronized (lock) {
      if (closed) {
        return;
      }
      cut();
    }
    senders.awaitSpool(failuresBefore);
  }

  @Override
  public void close() {
    long failuresBefore = senders.failures();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      cut();
      lock.notifyAll();
    }
    senders.awaitSpool(failuresBefore);
    senders.close();
  }

  /** Writes the batch being cut to the spool and hands it to a sender if one is free. Holds {@link #lock}. */
  private void cut() {
    if (current.isEmpty()) {
      return;
    }
    List<M> batch = current;
    current = new ArrayList<>(settings.batchSize());
    byte[] body = senders.encode(batch);
    if (body == null) {
      return;
    }
    boolean sendNow = senders.reserve();
    long droppedBefore = spool.droppedMeasurements();
    Optional<Spool.Entry> entry = spool.append(body, batch.size(), sendNow);
    counters.dropped.add(spool.droppedMeasurements() - droppedBefore);
    if (entry.isPresent() && sendNow) {
      senders.sendReserved(entry.get(), body);
    } else if (sendNow) {
      senders.unreserve();
    } else if (entry.isPresent()) {
      counters.spooled.add(batch.size()); // waits there for a sender that drains the spool
    }
  }

  /** Cuts a batch that reached {@code flushInterval}, and retries the spool every {@code replayInterval}. */
  private void timerLoop() {
    long replayNanos = settings.replayInterval().toNanos();
    long nextWake = System.nanoTime() + replayNanos;
    synchronized (lock) {
      while (!closed) {
        long now = System.nanoTime();
        if (!current.isEmpty() && now - deadlineNanos >= 0) {
          cut();
        }
        if (now - nextWake >= 0) {
          senders.wake();
          nextWake = now + replayNanos;
        }
        long until = current.isEmpty() ? nextWake : Math.min(nextWake, deadlineNanos);
        long millis = Math.max(1, (until - now) / 1_000_000);
        try {
          lock.wait(millis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
