package dev.appoptics.metrics;

import dev.appoptics.metrics.internal.reliability.Failure;
import dev.appoptics.metrics.internal.reliability.RetryAfter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** Maps the client's exceptions to the retry layer's {@link Failure} classes. */
final class Failures {
  private Failures() {}

  static Failure classify(RuntimeException e) {
    if (e instanceof RateLimitedException r) {
      Optional<Duration> wait = r.retryAfter();
      if (wait.isEmpty()) {
        wait = RetryAfter.fromHeaders(null, r.rateLimits().values(), Instant.now());
      }
      return Failure.rateLimited(wait);
    }
    if (e instanceof ServerErrorException) {
      return Failure.of(Failure.Kind.SERVER_ERROR);
    }
    if (e instanceof TransportException) {
      return Failure.of(neverSent(e) ? Failure.Kind.NOT_SENT : Failure.Kind.MAYBE_DELIVERED);
    }
    return Failure.of(Failure.Kind.PERMANENT);
  }

  /**
   * Whether the failure happened before any byte of the request could reach the server: no connection was made
   * (refused, unknown host, no route, connect timeout) or none could be leased from the pool.
   */
  static boolean neverSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof HttpConnectTimeoutException
          || t instanceof ConnectTimeoutException
          || t instanceof ConnectionRequestTimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
