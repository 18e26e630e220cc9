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

/** JSON over HTTP to an emulator, for tests: Basic auth with a fixed token, answers checked for a 2xx status. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String AUTHORIZATION =
      "Basic " + Base64.getEncoder().encodeToString("test-token:".getBytes(StandardCharsets.UTF_8));

  private final URI base;

  Http(URI base) {
    this.base = base;
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
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .header("Authorization", AUTHORIZATION);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
