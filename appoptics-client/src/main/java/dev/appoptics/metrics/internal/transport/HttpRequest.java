package dev.appoptics.metrics.internal.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a transport sees it. {@code body} is null for requests without a body; {@code headers} must not
 * contain Host, Content-Length or Connection (the transport owns those).
 */
public record HttpRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
  }
}
