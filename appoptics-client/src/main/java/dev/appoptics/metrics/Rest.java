package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.appoptics.metrics.internal.reliability.Gzip;
import dev.appoptics.metrics.internal.reliability.RequestKind;
import dev.appoptics.metrics.internal.reliability.Retrier;
import dev.appoptics.metrics.internal.transport.HttpRequest;
import dev.appoptics.metrics.internal.transport.HttpResponse;
import dev.appoptics.metrics.internal.transport.Transport;
import dev.appoptics.metrics.internal.transport.TransportTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON-over-HTTP layer every API area uses: builds the URI from the base URI and escaped path segments, adds
 * auth and user agent, sends through the transport, maps error statuses to the {@link AppOpticsException} hierarchy
 * and decodes JSON answers. Thread-safe.
 *
 * <p>Contract for the areas: paths are relative to the base URI ("spaces/12/charts"), built with {@link #path};
 * answers without a body decode to a missing node ({@code JsonNode#isMissingNode()}).
 */
final class Rest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;
  private final String basePath;
  private final Transport transport;
  private final String authorization;
  private final String userAgent;
  private final Supplier<Duration> timeout;
  // ---- reliability (retries, gzip): set once by AppOptics right after construction ----
  private volatile Retrier retrier = new Retrier(RetryPolicy.none(), Failures::classify);
  private volatile int gzipThreshold = -1;

  Rest(URI baseUri, Transport transport, String token, String userAgent, Supplier<Duration> timeout) {
    String b = baseUri.toString();
    this.base = b.endsWith("/") ? b : b + "/";
    this.basePath = URI.create(base).getRawPath();
    this.transport = transport;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.US_ASCII));
    this.userAgent = userAgent;
    this.timeout = timeout;
  }

  /** Joins raw segments into a relative path, URL-escaping each one ("metrics", "a b") → "metrics/a%20b". */
  static String path(Object... segments) {
    StringBuilder sb = new StringBuilder();
    for (Object segment : segments) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      String s = String.valueOf(segment);
      // "." and ".." would be collapsed by URI normalisation somewhere along the way; escape their dots
      sb.append(s.equals(".") || s.equals("..") ? s.replace(".", "%2E") : Query.percentEncode(s));
    }
    return sb.toString();
  }

  JsonNode get(String path, Query query) {
    return json(send("GET", path, query, null));
  }

  JsonNode post(String path, JsonNode body) {
    return json(send("POST", path, null, bytes(body)));
  }

  JsonNode put(String path, JsonNode body) {
    return json(send("PUT", path, null, bytes(body)));
  }

  /** DELETE, with a JSON body when {@code body} is not null (batch metric delete). */
  JsonNode delete(String path, JsonNode body) {
    return json(send("DELETE", path, null, body == null ? null : bytes(body)));
  }

  /** Retry policy and gzip threshold (bodies of at least that many bytes are compressed; negative: never). */
  void reliability(RetryPolicy policy, int gzipThreshold) {
    this.retrier = new Retrier(policy, Failures::classify);
    this.gzipThreshold = gzipThreshold;
  }

  /** The retrier every request goes through (the reporter counts its retries through it). */
  Retrier retrier() {
    return retrier;
  }

  /**
   * Sends one request under the retry policy and returns the 2xx answer; any other status becomes the matching
   * {@link ApiException}, transport failures a {@link TransportException}. {@code query} and {@code body} may be
   * null.
   */
  HttpResponse send(String method, String path, Query query, byte[] body) {
    byte[] wire = wireBody(body);
    return retrier.call(RequestKind.of(method, path), () -> sendOnce(method, path, query, wire));
  }

  /**
   * {@code body} as it goes on the wire: gzip-compressed when it has at least the threshold's size. Compressed once
   * per request, not per attempt; an already compressed body is returned as it is, and {@link #sendOnce} labels it.
   */
  byte[] wireBody(byte[] body) {
    boolean compress = body != null && gzipThreshold >= 0 && body.length >= gzipThreshold && !Gzip.isCompressed(body);
    return compress ? Gzip.compress(body) : body;
  }

  /**
   * GET of a link the service handed back as a full URL (a {@code rel=next} page). It is followed only when it points
   * to the base URI's scheme, host and port, under its path: the token is never sent anywhere else.
   */
  JsonNode getLink(String href) {
    URI link;
    try {
      link = new URI(Check.notNull("link", href));
    } catch (URISyntaxException e) {
      throw new InvalidInputException("link", href, "is not a valid URL");
    }
    URI origin = URI.create(base);
    String linkPath = link.getRawPath() == null ? "" : link.getRawPath();
    if (!link.isAbsolute() || !sameOrigin(link, origin) || !linkPath.startsWith(basePath)) {
      throw new InvalidInputException(
          "link", href, "is not under " + base + "; links elsewhere are not followed, to keep the token there");
    }
    String path = linkPath.substring(basePath.length());
    String rawQuery = link.getRawQuery() == null ? "" : link.getRawQuery();
    return json(retrier.call(RequestKind.of("GET", path), () -> sendOnce("GET", path, rawQuery, null)));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** One attempt of {@link #send}, without retries; {@code body} as {@link #wireBody} made it (or plain JSON). */
  HttpResponse sendOnce(String method, String path, Query query, byte[] body) {
    return sendOnce(method, path, query == null || query.isEmpty() ? "" : query.encode(), body);
  }

  private HttpResponse sendOnce(String method, String path, String rawQuery, byte[] body) {
    String target = base + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    URI uri = URI.create(target);
    String shownPath = basePath + path;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization);
    headers.put("User-Agent", userAgent);
    headers.put("Accept", "application/json");
    if (body != null) {
      headers.put("Content-Type", "application/json");
      if (Gzip.isCompressed(body)) {
        headers.put("Content-Encoding", "gzip");
      }
    }
    HttpResponse response;
    try {
      response = transport.send(new HttpRequest(method, uri, headers, body, timeout.get()));
    } catch (TransportTimeoutException e) {
      throw new RequestTimeoutException(method, shownPath, e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof AppOpticsException ae) {
        throw ae;
      }
      throw new ConnectionException(method, shownPath, describe(e), e);
    }
    if (response.status() >= 200 && response.status() < 300) {
      return response;
    }
    throw StatusErrors.toException(method, shownPath, response, ErrorBodies.parse(MAPPER, response.body()));
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private byte[] bytes(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a JSON tree", e);
    }
  }

  JsonNode json(HttpResponse response) {
    byte[] body = response.body();
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      // a 2xx with a non-JSON body carries nothing the areas can use
      return MissingNode.getInstance();
    }
  }

  /** The path as shown in errors: the base URI's path plus {@code path} ("/v1/measurements"). */
  String shownPath(String path) {
    return basePath + path;
  }

  /** Releases the transport's connections. */
  void close() {
    transport.close();
  }

  static List<String> errorsOf(HttpResponse response) {
    return ErrorBodies.parse(MAPPER, response.body());
  }
}
