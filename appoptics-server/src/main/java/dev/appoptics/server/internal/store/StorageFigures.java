package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.ops.PrometheusText;
import java.util.concurrent.atomic.AtomicLong;

/** Checkpoint and retention figures of the durable storage, for {@code GET /metrics}. Thread-safe. */
final class StorageFigures {
  private final AtomicLong checkpoints = new AtomicLong();
  private final AtomicLong checkpointFailures = new AtomicLong();
  private final AtomicLong checkpointNanos = new AtomicLong();
  private final AtomicLong checkpointBytes = new AtomicLong();
  private final AtomicLong retentionRuns = new AtomicLong();
  private final AtomicLong expiredBuckets = new AtomicLong();

  void checkpointed(long nanos, long bytes) {
    checkpoints.incrementAndGet();
    checkpointNanos.addAndGet(nanos);
    checkpointBytes.addAndGet(bytes);
  }

  void failed() {
    checkpointFailures.incrementAndGet();
  }

  void expired(long buckets) {
    retentionRuns.incrementAndGet();
    expiredBuckets.addAndGet(buckets);
  }

  void writeTo(PrometheusText out) {
    out.family("appoptics_store_checkpoint_seconds", "summary", "Time spent saving checkpoints.")
        .sample("appoptics_store_checkpoint_seconds_count", checkpoints.get())
        .sample("appoptics_store_checkpoint_seconds_sum", checkpointNanos.get() / 1e9);
    out.single("appoptics_store_checkpoint_failures_total", "counter", "Checkpoints that failed (and were retried).",
        checkpointFailures.get());
    out.single("appoptics_store_checkpoint_written_bytes_total", "counter", "Chunk bytes written by checkpoints.",
        checkpointBytes.get());
    out.single("appoptics_store_retention_runs_total", "counter", "Retention runs since start.", retentionRuns.get());
    out.single("appoptics_store_expired_buckets_total", "counter",
        "Buckets (all resolutions) removed by retention since start.", expiredBuckets.get());
  }
}
