package dev.appoptics.metrics;

/** The connection could not be opened or broke before a complete answer arrived. */
public class ConnectionException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public ConnectionException(String method, String path, String message, Throwable cause) {
    super(method, path, message, cause);
  }
}
