package dev.appoptics.emulator;

/**
 * What forwarding does when its queue is full, because the receiver has been down or slow for longer than the
 * queue holds. Both are counted on {@code GET /metrics}.
 */
public enum QueueFullPolicy {
  /**
   * Answer new measurement payloads 503 with {@code Retry-After} and store nothing of them, so that clients keep and
   * resend them: nothing acknowledged is ever left unforwarded. The default.
   */
  REFUSE_WRITES,
  /**
   * Keep accepting and storing measurements, and drop the oldest unforwarded ones from the queue: the local store
   * stays complete, the receiver misses the oldest data.
   */
  DROP_OLDEST
}
