package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.ops.PrometheusText;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one destination; {@link Forwarder} renders them for {@code GET /metrics}. */
final class ForwardStats {
  final LongAdder sentSamples = new LongAdder();
  final LongAdder sentRequests = new LongAdder();
  final LongAdder retriedRequests = new LongAdder();
  final LongAdder refusedSamples = new LongAdder();
  final LongAdder droppedMeasurements = new LongAdder();
  final LongAdder refusedWrites = new LongAdder();

  /** Declares every family once, so that each destination only adds samples. */
  static void declare(PrometheusText out) {
    out.family("appoptics_forward_sent_samples_total", "counter", "Samples the receiver accepted.");
    out.family("appoptics_forward_sent_requests_total", "counter", "Requests the receiver accepted.");
    out.family("appoptics_forward_retried_requests_total", "counter",
        "Requests sent again after no answer, 429 or 5xx.");
    out.family("appoptics_forward_refused_samples_total", "counter",
        "Samples the receiver refused with a 4xx (or reported rejected); not retried.");
    out.family("appoptics_forward_dropped_measurements_total", "counter",
        "Measurements dropped unforwarded from a full queue (policy drop-oldest); still stored locally.");
    out.family("appoptics_forward_refused_writes_total", "counter",
        "Measurement payloads answered 503 because the queue was full (policy refuse).");
    out.family("appoptics_forward_queued_bytes", "gauge", "Bytes waiting in the forwarding queue.");
    out.family("appoptics_forward_queue_limit_bytes", "gauge", "The forwarding queue's bound.");
    out.family("appoptics_forward_queued_records", "gauge", "Accepted payloads waiting in the forwarding queue.");
    out.family("appoptics_forward_lag_seconds", "gauge",
        "Age of the oldest measurement payload not yet delivered; 0 when the queue is empty.");
  }

  void writeTo(PrometheusText out, String destination, ForwardQueue queue, long limit, long nowMillis) {
    String[] l = {"destination", destination};
    out.sample("appoptics_forward_sent_samples_total", sentSamples.sum(), l);
    out.sample("appoptics_forward_sent_requests_total", sentRequests.sum(), l);
    out.sample("appoptics_forward_retried_requests_total", retriedRequests.sum(), l);
    out.sample("appoptics_forward_refused_samples_total", refusedSamples.sum(), l);
    out.sample("appoptics_forward_dropped_measurements_total", droppedMeasurements.sum(), l);
    out.sample("appoptics_forward_refused_writes_total", refusedWrites.sum(), l);
    out.sample("appoptics_forward_queued_bytes", queue.bytes(), l);
    out.sample("appoptics_forward_queue_limit_bytes", limit, l);
    out.sample("appoptics_forward_queued_records", queue.records(), l);
    long oldest = queue.oldestMillis();
    out.sample("appoptics_forward_lag_seconds", oldest == 0 ? 0 : Math.max(0, nowMillis - oldest) / 1000.0, l);
  }
}
