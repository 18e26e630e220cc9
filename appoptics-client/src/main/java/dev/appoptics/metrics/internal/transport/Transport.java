package dev.appoptics.metrics.internal.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * The one seam between the client and an HTTP library: send one request, get the complete answer. Implementations
 * pool and keep connections alive, disable Nagle's algorithm, never retry or follow redirects on their own (retries
 * belong to the layer above), and are safe for concurrent use.
 *
 * <p>Timeouts are reported as {@link TransportTimeoutException}; every other failure as a plain {@link IOException}.
 */
public interface Transport extends Closeable {

  /** Sends the request and reads the whole answer, whatever its status. */
  HttpResponse send(HttpRequest request) throws IOException;

  /** Releases pooled connections; further sends fail. */
  @Override
  void close();
}
