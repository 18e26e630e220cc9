package dev.appoptics.emulator.internal.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while it arrives: chunk by chunk as Jetty has them, straight into
 * one array of the declared length (a growing one for a chunked body), up to the size limit.
 *
 * <p>A body over the limit, or the body of a request refused before it was read, is read on and thrown away, up to
 * {@link #SWALLOW_BYTES}, before the answer goes out: a client that writes its whole body before reading then sees
 * the answer instead of a connection reset. Past that the answer goes out and the connection closes mid-body.
 */
final class BodyReader implements Runnable {
  static final long SWALLOW_BYTES = 16L * 1024 * 1024;
  private static final byte[] EMPTY = new byte[0];

  /** Where the outcome goes: exactly one of the two is called, once. */
  interface Outcome {
    void body(byte[] body);

    void refused(ApiError error);
  }

  private final Request request;
  private final int maxBytes;
  private final Outcome outcome;
  private byte[] buffer;
  private int size;
  private long discarded;
  private ApiError refusal;

  private BodyReader(Request request, int maxBytes, Outcome outcome, ApiError refusal) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.outcome = outcome;
    this.refusal = refusal;
  }

  /** Reads the body, or refuses it with 413 past {@code maxBytes}. */
  static void read(Request request, int maxBytes, Outcome outcome) {
    long declared = request.getLength();
    BodyReader reader = new BodyReader(request, maxBytes, outcome,
        declared > maxBytes ? ContentEncodings.tooLarge(maxBytes) : null);
    if (reader.refusal == null) {
      reader.buffer = declared >= 0 ? new byte[(int) declared] : new byte[Math.min(maxBytes, 8192)];
    }
    reader.run();
  }

  /** Reads and throws away the body, then hands on {@code refusal}. */
  static void discard(Request request, ApiError refusal, Outcome outcome) {
    new BodyReader(request, 0, outcome, refusal).run();
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        outcome.refused(incomplete(chunk.getFailure()));
        return;
      }
      take(chunk.getByteBuffer());
      boolean last = chunk.isLast();
      chunk.release();
      if (last || discarded > SWALLOW_BYTES) {
        if (refusal != null) {
          outcome.refused(refusal);
        } else {
          outcome.body(size == buffer.length ? buffer : size == 0 ? EMPTY : Arrays.copyOf(buffer, size));
        }
        return;
      }
    }
  }

  private void take(ByteBuffer bytes) {
    int n = bytes.remaining();
    if (refusal == null && (long) size + n > maxBytes) {
      refusal = ContentEncodings.tooLarge(maxBytes);
    }
    if (refusal != null) {
      discarded += n;
      return;
    }
    if (size + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max((long) size + n, 2L * buffer.length)));
    }
    bytes.get(buffer, size, n);
    size += n;
  }

  private ApiError incomplete(Throwable failure) {
    if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
      return ApiError.request(408, "The request body did not arrive in time (" + size + " bytes received)");
    }
    return ApiError.request(400, "The request body is malformed or ended early (" + size + " bytes received)");
  }
}
