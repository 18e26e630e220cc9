package dev.appoptics.emulator;

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

/** A small HTTP client for tests: Basic auth with a token, JSON bodies, answers as text and JSON. */
final class TestHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final URI base;
  private final String authorization;

  TestHttp(URI base, String token) {
    this.base = base;
    this.authorization =
        token == null ? null : basic(token, "");
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  TestHttp withToken(String token) {
    return new TestHttp(base, token);
  }

  Answer get(String path) {
    return send(builder(path).GET());
  }

  Answer delete(String path) {
    return send(builder(path).DELETE());
  }

  Answer delete(String path, String json) {
    return send(jsonBody(builder(path), json).method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer post(String path, String json) {
    return send(jsonBody(builder(path), json).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer put(String path, String json) {
    return send(jsonBody(builder(path), json).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static HttpRequest.Builder jsonBody(HttpRequest.Builder b, String json) {
    return b.header("Content-Type", "application/json");
  }

  /** One answer: status, headers, body. */
  record Answer(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
