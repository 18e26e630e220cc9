package dev.appoptics.metrics.internal.transport;

import java.io.IOException;

/** Connecting, leasing a pooled connection or reading the answer exceeded the request's timeout. */
public final class TransportTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  public TransportTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
