package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.cli.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'appoptics server' as an operator runs it, in a process of its own: which tokens it accepts (flags, a tokens file
 * re-read on change and on SIGHUP, tokens made through the API), --insecure, the health and metrics routes, the
 * request log, and the graceful stop on SIGTERM.
 */
class ServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ONE = "{\"tags\":{\"host\":\"a\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}";

  @TempDir Path dir;

  static HttpResponse<String> send(URI uri, String method, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if (token != null) {
      b.header("Authorization", basic(token));
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
  }

  static int status(ServerProcess server, String method, String path, String token) throws Exception {
    return send(server.baseUri().resolve(path), method, token, method.equals("POST") ? ONE : null).statusCode();
  }

  /** Polls until the token gets {@code expected} on GET /v1/metrics (10 s at most). */
  static void awaitStatus(ServerProcess server, String token, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int last;
    do {
      last = status(server, "GET", "metrics", token);
      if (last == expected) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertThat(last).as("token " + token + "; " + server).isEqualTo(expected);
  }

  @Test
  void acceptsConfiguredFileAndApiMadeTokensWithinTheirRoleAndNothingElse() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "# collectors\n\nfile-token   # added today\n");
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--port", "0", "--token", "flag-token",
        "--tokens-file", tokens.toString())) {
      HttpResponse<String> refusedGet = send(server.baseUri().resolve("metrics"), "GET", "other", null);
      HttpResponse<String> refusedPost = send(server.baseUri().resolve("measurements"), "POST", "other", ONE);
      HttpResponse<String> made = send(server.baseUri().resolve("api_tokens"), "POST", "flag-token",
          "{\"name\":\"dashboards\",\"role\":\"viewer\"}");
      String viewer = Json.parse(made.body()).get("token").asText();

      assertThat(status(server, "GET", "metrics", "flag-token")).isEqualTo(200);
      assertThat(status(server, "POST", "measurements", "file-token")).isEqualTo(202);
      assertThat(refusedGet.statusCode()).isEqualTo(401);
      assertThat(refusedGet.body()).isEqualTo("{\"errors\":{\"request\":[\"Authorization Required\"]}}");
      assertThat(refusedPost.statusCode()).isEqualTo(401);
      assertThat(refusedPost.body()).isEqualTo("Credentials are required to access this resource.");
      assertThat(status(server, "GET", "metrics", null)).isEqualTo(401);
      assertThat(status(server, "GET", "metrics", viewer)).isEqualTo(200);
      assertThat(status(server, "POST", "measurements", viewer)).isEqualTo(403);
      assertThat(server.out()).contains("accepting the configured tokens and the active tokens made through"
          + " /v1/api_tokens");
    }
  }

  @Test
  void aChangedTokensFileIsReReadAndSighupReReadsItAtOnce() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "token-aaa\n");
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--port", "0",
        "--tokens-file", tokens.toString())) {
      assertThat(status(server, "GET", "metrics", "token-aaa")).isEqualTo(200);

      Files.writeString(tokens, "token-bbb\n");
      awaitStatus(server, "token-bbb", 200);
      assertThat(status(server, "GET", "metrics", "token-aaa")).isEqualTo(401);

      // Same size, same modification time: only the signal can tell the server.
      FileTime stamp = Files.getLastModifiedTime(tokens);
      Files.writeString(tokens, "token-ccc\n");
      Files.setLastModifiedTime(tokens, stamp);
      server.hangUp();
      awaitStatus(server, "token-ccc", 200);
      assertThat(status(server, "GET", "metrics", "token-bbb")).isEqualTo(401);

      Files.writeString(tokens, "two words\n");
      server.hangUp();
      Thread.sleep(500);
      assertThat(status(server, "GET", "metrics", "token-ccc")).as("a bad file keeps the tokens in force")
          .isEqualTo(200);
      assertThat(server.err()).contains("reloaded 1 token from " + tokens)
          .contains("error: kept the tokens in force: the tokens file " + tokens + ", line 1");
    }
  }

  @Test
  void insecureListensOnEveryInterfaceAcceptingAnyToken() throws Exception {
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--port", "0", "--bind", "0.0.0.0",
        "--insecure")) {
      assertThat(status(server, "GET", "metrics", "whatever")).isEqualTo(200);
      assertThat(server.out()).contains("accepting any token (no --token or --tokens-file given)");
    }
  }

  @Test
  void healthAndMetricsNeedNoTokenAndMetricsPassPromtool() throws Exception {
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--port", "0", "--token", "t")) {
      status(server, "POST", "measurements", "t");
      status(server, "GET", "spaces/123", "t");
      HttpResponse<String> health = send(server.root().resolve("health"), "GET", null, null);
      HttpResponse<String> live = send(server.root().resolve("health/live"), "GET", null, null);
      HttpResponse<String> metrics = send(server.root().resolve("metrics"), "GET", null, null);

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("appoptics_http_requests_total{method=\"POST\",route=\"/v1/measurements\",status=\"202\"} 1")
          .contains("appoptics_http_requests_total{method=\"GET\",route=\"/v1/spaces/{id}\",status=\"404\"} 1");
      Promtool.checkMetrics(metrics.body());
    }
  }

  @Test
  void theRequestLogFileHasOneJsonLinePerRequest() throws Exception {
    Path log = dir.resolve("requests.log");
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--port", "0", "--token", "t",
        "--request-log-file", log.toString())) {
      status(server, "POST", "measurements", "t");
      status(server, "GET", "metrics", "t");
      assertThat(server.terminate()).isZero();
    }

    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(2);
    JsonNode first = Json.parse(lines.get(0));
    assertThat(first.get("route").asText()).isEqualTo("/v1/measurements");
    assertThat(first.get("status").asInt()).isEqualTo(202);
    assertThat(Json.parse(lines.get(1)).get("path").asText()).isEqualTo("/v1/metrics");
  }

  @Test
  void sigtermLetsTheRequestInFlightFinishSyncsAndExitsZero() throws Exception {
    Path data = dir.resolve("data");
    try (ServerProcess server = ServerProcess.start(data, "--port", "0", "--token", "t")) {
      byte[] body = ONE.getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/measurements HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic("t")
            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, 5);
        out.flush();
        awaitInFlight(server);

        ProcessHandle.of(server.pid()).orElseThrow().destroy(); // SIGTERM, without waiting
        awaitRefusingConnections(server);
        out.write(body, 5, body.length - 5);
        out.flush();
        String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

        assertThat(answer).as("the request in flight is answered").isEqualTo("HTTP/1.1 202");
      }
      assertThat(server.exitCode()).as(server.toString()).isZero();
      assertThat(server.out()).last().isEqualTo("stopped");
    }

    try (ServerProcess again = ServerProcess.start(data, "--port", "0", "--token", "t")) {
      HttpResponse<String> stored = send(again.baseUri().resolve("measurements/m?resolution=1&duration=3600"),
          "GET", "t", null);

      assertThat(Json.parse(stored.body()).at("/series/0/measurements/0/value").asDouble()).as(stored.body())
          .isEqualTo(1.0);
      assertThat(again.err()).as("the stop saved a checkpoint: nothing left to replay")
          .contains("1 saved series").contains(" 0 measurements replayed");
    }
  }

  @Test
  void aCopyOfTheStoppedDataDirectoryIsAWholeBackup() throws Exception {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backup");
    try (ServerProcess server = ServerProcess.start(data, "--port", "0", "--token", "t")) {
      status(server, "POST", "measurements", "t");
      send(server.baseUri().resolve("spaces"), "POST", "t", "{\"name\":\"kept\"}");
      assertThat(server.terminate()).isZero();
    }
    copyTree(data, backup);

    try (ServerProcess restored = ServerProcess.start(backup, "--port", "0", "--token", "t")) {
      HttpResponse<String> spaces = send(restored.baseUri().resolve("spaces"), "GET", "t", null);
      HttpResponse<String> stored = send(restored.baseUri().resolve("measurements/m?resolution=60&duration=3600"),
          "GET", "t", null);

      assertThat(Json.parse(spaces.body()).at("/spaces/0/name").asText()).isEqualTo("kept");
      assertThat(Json.parse(stored.body()).at("/series/0/measurements/0/value").asDouble()).isEqualTo(1.0);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  @Test
  void forwardingKeepsItsQueueInTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    try (ServerProcess server = ServerProcess.start(data, "--port", "0", "--token", "t",
        "--forward-prometheus", "http://127.0.0.1:9/api/v1/write")) {
      assertThat(status(server, "POST", "measurements", "t")).isEqualTo(202);
      assertThat(server.terminate()).isZero();
    }

    try (java.util.stream.Stream<Path> queued = Files.walk(data.resolve("forward-queue"))) {
      assertThat(queued.filter(Files::isRegularFile)).as("the unforwarded payload waits on disk").isNotEmpty();
    }
  }

  /** Waits until the server is answering the request whose body is still arriving (and the scrape itself). */
  private static void awaitInFlight(ServerProcess server) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (send(server.root().resolve("metrics"), "GET", null, null).body()
          .contains("\nappoptics_http_requests_in_flight 2\n")) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the partial request is not in flight after 5 s; " + server);
  }

  /** Waits until a new connection is refused: the server stopped accepting. */
  private static void awaitRefusingConnections(ServerProcess server) throws Exception {
    for (int i = 0; i < 200; i++) {
      try (Socket probe = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
        Thread.sleep(25);
      } catch (IOException refused) {
        return;
      }
    }
    throw new AssertionError("still accepting connections 5 s after SIGTERM; " + server);
  }
}
