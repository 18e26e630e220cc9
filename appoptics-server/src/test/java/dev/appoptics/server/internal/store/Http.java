package dev.appoptics.server.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON over HTTP to an emulator, for tests: Basic auth with a token ({@code test-token} unless given), answers
 * checked for a 2xx status. A path is relative to the API root, or to the server's root when it starts with a slash.
 */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final URI base;
  private final String authorization;

  Http(URI base) {
    this(base, "test-token");
  }

  Http(URI base, String token) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, String json) {
    return send("POST", path, json);
  }

  JsonNode put(String path, String json) {
    return send("PUT", path, json);
  }

  JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  /** The answer's JSON (a missing node for an empty body); throws on any status but 2xx. */
  JsonNode send(String method, String path, String json) {
    HttpResponse<String> r = exchange(method, path, json);
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    try {
      return r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer, whatever its status. */
  HttpResponse<String> exchange(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
