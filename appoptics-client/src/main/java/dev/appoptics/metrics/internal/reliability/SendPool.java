package dev.appoptics.metrics.internal.reliability;

import dev.appoptics.metrics.RetryPolicy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sender threads of a pipeline: at most {@code maxInFlight} batches are sent at once, each with the connection's
 * retries. A batch that still fails goes to the spool (if any) unless it can never succeed or may already be stored
 * under at-most-once delivery. A sender that delivered a batch goes on with the spool's batches, oldest first, until
 * the spool is empty or one fails; {@link #wake} starts such a drain when nothing else sends (at start, every
 * replay interval, on flush). Thread-safe.
 *
 * @param <M> the measurement type
 */
final class SendPool<M> {
  private final Function<List<M>, byte[]> encoder;
  private final Consumer<byte[]> sender;
  private final Retrier retrier;
  private final Consumer<RuntimeException> onFailure;
  private final Consumer<List<M>> onSent;
  private final Optional<Spool> spool;
  private final PipelineCounters counters;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final ExecutorService threads;
  /** Guards {@link #failures}; notified whenever a sender finishes a batch. */
  private final Object progress = new Object();
  private long failures;

  /** {@code onSent} is told about every batch sent from memory that the API acknowledged. */
  SendPool(PipelineSettings settings, Function<List<M>, byte[]> encoder, Consumer<byte[]> sender, Retrier retrier,
      Consumer<RuntimeException> onFailure, Consumer<List<M>> onSent, PipelineCounters counters, String threadName) {
    this.encoder = encoder;
    this.sender = sender;
    this.retrier = retrier;
    this.onFailure = onFailure;
    this.onSent = onSent;
    this.spool = settings.spool();
    this.counters = counters;
    this.maxInFlight = settings.maxInFlight();
    this.inFlight = new Semaphore(maxInFlight);
    this.threads = Executors.newFixedThreadPool(maxInFlight, r -> {
      Thread t = new Thread(r, threadName + "-sender");
      t.setDaemon(true);
      return t;
    });
  }

  /** The request body, or null when the batch cannot be encoded (counted as failed and reported). */
  byte[] encode(List<M> batch) {
    try {
      return encoder.apply(batch);
    } catch (RuntimeException e) {
      counters.failed.add(batch.size());
      onFailure.accept(e);
      return null;
    }
  }

  /** Sends a batch from memory, waiting while {@code maxInFlight} batches are being sent. */
  void sendFromMemory(List<M> batch) {
    inFlight.acquireUninterruptibly();
    run(() -> {
      byte[] body = encode(batch);
      if (body == null) {
        return;
      }
      Outcome outcome = send(body, false, () -> {});
      if (outcome.failure() == null) {
        counters.sent.add(batch.size());
        onSent.accept(List.copyOf(batch));
        drain();
      } else {
        keepOrLose(body, batch.size(), outcome);
      }
    });
  }

  /** Takes a free sender for a batch about to be spooled and sent; false when every sender is busy. */
  boolean reserve() {
    return inFlight.tryAcquire();
  }

  /** Gives back a sender taken with {@link #reserve} without sending. */
  void unreserve() {
    inFlight.release();
  }

  /** Sends a batch already in the spool and claimed by the caller, on the sender it {@link #reserve reserved}. */
  void sendReserved(Spool.Entry entry, byte[] body) {
    run(() -> {
      if (deliver(entry, body, true)) {
        drain();
      }
    });
  }

  /** Starts draining the spool on a free sender, when the spool holds a batch no one is sending. */
  void wake() {
    if (spool.isEmpty() || !spool.get().hasUnclaimed() || !inFlight.tryAcquire()) {
      return;
    }
    run(this::drain);
  }

  /** Failed batches so far; a flush notes it before it waits for the spool (see {@link #awaitSpool}). */
  long failures() {
    synchronized (progress) {
      return failures;
    }
  }

  /**
   * Waits until the spool holds no batch it held when the flush began, or until sending failed since then
   * ({@code failuresBefore}) and no sender is busy: what is left is kept for later.
   */
  void awaitSpool(long failuresBefore) {
    if (spool.isEmpty()) {
      return;
    }
    long last = spool.get().lastSequence();
    while (spool.get().holdsUpTo(last) && !(failures() > failuresBefore && idle())) {
      wake();
      synchronized (progress) {
        try {
          progress.wait(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Waits until no batch is being sent. */
  void awaitIdle() {
    inFlight.acquireUninterruptibly(maxInFlight);
    inFlight.release(maxInFlight);
  }

  private boolean idle() {
    return inFlight.availablePermits() == maxInFlight;
  }

  /** Stops the threads once the batches being sent are done. */
  void close() {
    threads.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (threads.awaitTermination(1, TimeUnit.SECONDS)) {
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

  /** Runs {@code work} on a sender thread holding a permit the caller acquired, and releases it after. */
  private void run(Runnable work) {
    try {
      threads.execute(() -> {
        try {
          work.run();
        } finally {
          inFlight.release();
          synchronized (progress) {
            progress.notifyAll();
          }
        }
      });
    } catch (RejectedExecutionException closed) {
      inFlight.release();
      throw closed;
    }
  }

  /** Sends the spool's batches, oldest first, until it holds none that no one is sending, or one fails. */
  private void drain() {
    if (spool.isEmpty()) {
      return;
    }
    for (Optional<Spool.Entry> next = spool.get().claimOldest(); next.isPresent();
        next = spool.get().claimOldest()) {
      byte[] body;
      try {
        body = spool.get().read(next.get());
      } catch (RuntimeException unreadable) {
        spool.get().release(next.get());
        spool.get().delete(next.get());
        counters.failed.add(next.get().measurements());
        onFailure.accept(unreadable);
        continue;
      }
      if (!deliver(next.get(), body, false)) {
        return;
      }
    }
  }

  /**
   * Sends a claimed spool batch with retries and releases it: deleted once acknowledged or refused for good, kept
   * otherwise. True when it was acknowledged. {@code fresh}: cut by this process just now, so not yet counted as
   * spooled. The batch is marked unanswered on disk while it is sent, so that a process killed meanwhile leaves it
   * marked and the next run counts its re-send as a possible duplicate; a failure every attempt of which was answered
   * takes the mark away again.
   */
  private boolean deliver(Spool.Entry entry, byte[] body, boolean fresh) {
    Spool s = spool.orElseThrow();
    boolean earlier = !fresh && entry.unanswered(); // a fresh batch is marked from birth, not by an earlier attempt
    try {
      Outcome outcome = send(body, earlier, () -> s.markUnanswered(entry));
      if (outcome.failure() == null) {
        s.delete(entry);
        counters.sent.add(entry.measurements());
        return true;
      }
      counters.failedRequests.increment();
      Failure f = retrier.classify(outcome.failure());
      if (f.kind() == Failure.Kind.PERMANENT || mayNotResend(f)) {
        s.delete(entry);
        counters.failed.add(entry.measurements());
      } else {
        if (fresh) {
          counters.spooled.add(entry.measurements());
        }
        if (!outcome.unanswered() && !earlier) {
          s.markAnswered(entry);
        }
      }
      failed(outcome.failure());
      return false;
    } finally {
      s.release(entry);
    }
  }

  /** A batch from memory that failed after all retries: spooled unless it can never succeed or may be stored. */
  private void keepOrLose(byte[] body, int measurements, Outcome outcome) {
    counters.failedRequests.increment();
    Failure f = retrier.classify(outcome.failure());
    if (spool.isEmpty() || f.kind() == Failure.Kind.PERMANENT || mayNotResend(f)) {
      counters.failed.add(measurements);
    } else {
      long evictedBefore = spool.get().droppedMeasurements();
      Optional<Spool.Entry> kept = spool.get().append(body, measurements, false);
      if (kept.isPresent()) {
        counters.spooled.add(measurements);
        if (outcome.unanswered()) {
          spool.get().markUnanswered(kept.get());
        }
      }
      counters.dropped.add(spool.get().droppedMeasurements() - evictedBefore);
    }
    failed(outcome.failure());
  }

  private void failed(RuntimeException failure) {
    synchronized (progress) {
      failures++;
    }
    onFailure.accept(failure);
  }

  /**
   * What sending a batch came to: {@code failure} null when it was acknowledged, else the last failure;
   * {@code unanswered} when any attempt got no answer (so the batch may be stored).
   */
  private record Outcome(RuntimeException failure, boolean unanswered) {}

  /**
   * Sends {@code body} under the retry policy, running {@code beforeFirst} first. {@code resend}: an earlier attempt,
   * maybe by an earlier run, got no answer, so this one may store it twice.
   */
  private Outcome send(byte[] body, boolean resend, Runnable beforeFirst) {
    if (resend) {
      counters.possibleDuplicates.increment();
    }
    boolean[] unanswered = {false};
    try {
      beforeFirst.run();
      retrier.call(RequestKind.MEASUREMENTS, () -> {
        sender.accept(body);
        return null;
      }, (kind, attempt, failure, wait) -> {
        counters.retried.increment();
        if (failure.kind() == Failure.Kind.MAYBE_DELIVERED) {
          unanswered[0] = true;
          counters.possibleDuplicates.increment();
        }
      });
      return new Outcome(null, unanswered[0]);
    } catch (RuntimeException e) {
      return new Outcome(e, unanswered[0] || retrier.classify(e).kind() == Failure.Kind.MAYBE_DELIVERED);
    }
  }

  /** Whether a batch that failed this way may have been stored and the policy forbids sending it again. */
  private boolean mayNotResend(Failure failure) {
    return failure.kind() == Failure.Kind.MAYBE_DELIVERED
        && retrier.policy().delivery() == RetryPolicy.Delivery.AT_MOST_ONCE;
  }
}
