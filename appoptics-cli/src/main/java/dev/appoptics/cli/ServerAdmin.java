package dev.appoptics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.appoptics.cli.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A self-hosted server's admin routes, which live beside its API root and not in the AppOptics API (so the client
 * library does not know them): over the JDK's HTTP client, with the token in HTTP Basic as for the API. An answer
 * other than 2xx becomes a {@link CliFailure} naming the status, the route and the server's message.
 */
final class ServerAdmin {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI root;
  private final String authorization;

  /** {@code endpoint}: the server's API root, {@code http://HOST:PORT/v1/}; the admin routes are under its parent. */
  ServerAdmin(String endpoint, String token) {
    String api = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    if (!api.endsWith("/v1/")) {
      throw CliFailure.usage("--endpoint must be the server's API root, ending in /v1/, was " + endpoint,
          "e.g. --endpoint http://127.0.0.1:8080/v1/");
    }
    try {
      this.root = URI.create(api.substring(0, api.length() - "v1/".length()));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--endpoint is not a URL: " + endpoint, "e.g. --endpoint http://127.0.0.1:8080/v1/");
    }
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code method} to {@code path} (e.g. {@code admin/snapshots}); the answer's JSON, missing when empty. */
  JsonNode send(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).header("Authorization", authorization)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> answer;
    try {
      answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILURE, "interrupted while waiting for " + request.uri(), "");
    }
    int status = answer.statusCode();
    if (status / 100 != 2) {
      throw new CliFailure(ExitCodes.FAILURE, status + " " + ApiFailures.reason(status) + " from " + method + " /"
          + path + message(answer.body()), hint(status));
    }
    try {
      return answer.body().isEmpty() ? MissingNode.getInstance() : Json.parse(answer.body());
    } catch (JsonProcessingException e) {
      throw new CliFailure(ExitCodes.FAILURE, "the answer to " + method + " /" + path + " is not JSON: "
          + answer.body(), "check --endpoint: it should be this project's server");
    }
  }

  /** The error texts of an error body (the API's shapes), or the body itself when it is not JSON. */
  private static String message(String body) {
    if (body.isBlank()) {
      return "";
    }
    List<String> texts = new ArrayList<>();
    try {
      collect(Json.parse(body), texts);
    } catch (JsonProcessingException e) {
      return ": " + body.strip();
    }
    return texts.isEmpty() ? ": " + body.strip() : ": " + String.join("; ", texts);
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    } else if (node.isContainerNode()) {
      node.fieldNames().forEachRemaining(name -> {
        if (!name.equals("request_time")) {
          collect(node.get(name), texts);
        }
      });
      if (node.isArray()) {
        node.forEach(element -> collect(element, texts));
      }
    }
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> "check the token (--token or APPOPTICS_TOKEN)";
      case 403 -> "snapshots need an admin token: one the server was started with (--token, --tokens-file) or an"
          + " API token with the admin role";
      case 404 -> "'appoptics server snapshot list' shows the snapshots kept";
      case 507 -> "free space on the data directory's disk, e.g. delete old snapshots"
          + " ('appoptics server snapshot delete NAME') after copying them elsewhere";
      default -> status >= 500 ? "the server's log may say more" : "";
    };
  }
}
