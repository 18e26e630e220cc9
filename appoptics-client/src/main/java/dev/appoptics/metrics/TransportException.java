package dev.appoptics.metrics;

import java.util.List;

/**
 * No usable answer arrived: the connection failed, broke or timed out. {@link #status()} is 0 and
 * {@link #getCause()} holds the underlying I/O error.
 */
public class TransportException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public TransportException(String method, String path, String message, Throwable cause) {
    super(0, method, path, List.of(message), "", cause);
  }
}
