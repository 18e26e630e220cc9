package dev.appoptics.emulator.internal.forward;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * POSTs request bodies to one receiver over HTTP/1.1 with the JDK client (no dependency; a few large requests a
 * second are all forwarding makes). User information in the URL becomes Basic authentication and is not sent in the
 * request line. Never throws for the conversation itself: a failure to connect or a timeout is a {@link Result} with
 * status 0.
 */
final class HttpPost {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final Map<String, String> headers = new LinkedHashMap<>();

  HttpPost(URI target, Map<String, String> headers) {
    String userInfo = target.getRawUserInfo();
    try {
      this.uri = new URI(target.getScheme(), null, target.getHost(), target.getPort(), target.getPath(),
          target.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("forwarding URL " + target + " is not valid: " + e.getMessage(), e);
    }
    if (userInfo != null) {
      String decoded = java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
      this.headers.put("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
    }
    this.headers.putAll(headers);
  }

  /** The receiver's URL without user information, for logs and figures. */
  URI uri() {
    return uri;
  }

  Result post(byte[] body, Map<String, String> protocolHeaders) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    protocolHeaders.forEach(request::header);
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      Optional<Duration> retryAfter = response.headers().firstValue("retry-after").flatMap(HttpPost::seconds);
      return new Result(response.statusCode(), response.body(), retryAfter, "");
    } catch (IOException e) {
      return new Result(0, new byte[0], Optional.empty(), e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: back off as usual
    }
  }

  /** One answer: the status (0 when none came), the body, a {@code Retry-After}, or what went wrong. */
  record Result(int status, byte[] body, Optional<Duration> retryAfter, String error) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** Worth another try: no answer, 429, or a 5xx. */
    boolean retryable() {
      return status == 0 || status == 429 || status / 100 == 5;
    }

    /** A refusal of the content (bad sample, too large) that a smaller request may get past. */
    boolean splittable() {
      return status == 400 || status == 413 || status == 422;
    }

    String describe() {
      if (status == 0) {
        return error;
      }
      String text = new String(body, StandardCharsets.UTF_8).strip();
      return status + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
    }
  }
}
