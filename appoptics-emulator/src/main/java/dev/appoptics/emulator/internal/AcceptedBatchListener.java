package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.util.List;

/**
 * Sees every batch of measurements that {@code POST /v1/measurements} accepts, whichever store holds them
 * (forwarding is one). Registered through {@link EmulatorState#addAcceptedBatchListener}; called on the request's
 * thread, concurrently for concurrent requests.
 *
 * <ol>
 *   <li>{@link #admit} runs before the store writes: throwing an {@code ApiError} refuses the whole payload and
 *       nothing is stored (a listener that cannot take more data answers 503 this way).
 *   <li>{@link #accepted} runs after the store wrote the batch and before the 2xx is answered: once it returns, the
 *       listener must hold the batch as safely as the store does, because the client is about to be told it is kept.
 * </ol>
 *
 * <p>The measurements are the request's own mutable objects: read them during the call, keep nothing. Every one holds
 * at least one sample: the parser refuses a {@code count} outside 1 to 2^31 - 1.
 */
public interface AcceptedBatchListener {
  /** Before the write; throw an {@code ApiError} to refuse the payload. The default admits everything. */
  default void admit(List<ParsedMeasurement> batch) {}

  /** After the write, before the answer; {@code requestTime} is the request's time in epoch seconds. */
  void accepted(List<ParsedMeasurement> batch, long requestTime);
}
