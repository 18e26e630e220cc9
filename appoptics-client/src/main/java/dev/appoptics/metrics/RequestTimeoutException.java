package dev.appoptics.metrics;

/** Connecting or waiting for the answer took longer than the connection's timeout. */
public class RequestTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public RequestTimeoutException(String method, String path, String message, Throwable cause) {
    super(method, path, message, cause);
  }
}
