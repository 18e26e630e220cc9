package dev.appoptics.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own rules, in-process: which addresses need a token, and tokens from a file re-read on request. */
class AppOpticsServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static int status(AppOpticsServer server, String token) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(server.baseUri().resolve("metrics"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(UTF_8)))
        .build();
    return HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void refusesEveryInterfaceWithoutATokenBeforeOpeningAnything() {
    Path data = dir.resolve("data");

    for (String address : new String[] {"0.0.0.0", "::"}) {
      assertThatThrownBy(() -> AppOpticsServer.builder(data).port(0).bindAddress(address).start())
          .isInstanceOf(ServerConfigurationException.class)
          .hasMessageStartingWith("refusing to listen on " + address + " with no token");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void onLoopbackWithoutATokenAnyTokenIsAccepted() throws Exception {
    try (AppOpticsServer server = AppOpticsServer.builder(dir.resolve("data")).port(0).start()) {
      assertThat(server.acceptsAnyToken()).isTrue();
      assertThat(status(server, "anything")).isEqualTo(200);
      assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/v1/"));
    }
  }

  @Test
  void insecureAllowsEveryInterfaceWithoutAToken() {
    try (AppOpticsServer server = AppOpticsServer.builder(dir.resolve("data")).port(0).bindAddress("0.0.0.0")
        .insecure(true).start()) {
      assertThat(server.acceptsAnyToken()).isTrue();
    }
  }

  private static int post(AppOpticsServer server, String token) throws Exception {
    HttpRequest post = HttpRequest.newBuilder(server.baseUri().resolve("measurements"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"tags\":{\"host\":\"a\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}"))
        .build();
    return HTTP.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void tokensFileRolesLimitTheirTokensAndAFlagTokenStaysAdmin() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "collector recorder\nboard viewer\nops viewer\n");
    try (AppOpticsServer server = AppOpticsServer.builder(dir.resolve("data")).port(0).token("ops")
        .tokensFile(tokens).report(line -> {}).start()) {
      assertThat(post(server, "collector")).isEqualTo(202);
      assertThat(post(server, "board")).isEqualTo(403);
      assertThat(status(server, "board")).isEqualTo(200);
      assertThat(post(server, "ops")).as("the flag wins over the file").isEqualTo(202);

      Files.writeString(tokens, "collector viewer\n");
      server.reloadTokens();

      assertThat(post(server, "collector")).isEqualTo(403);
      assertThat(status(server, "board")).isEqualTo(401);
    }
  }

  @Test
  void anEmptyTokensFileAcceptsNoTokenUntilItHasOne() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "# none yet\n");
    try (AppOpticsServer server = AppOpticsServer.builder(dir.resolve("data")).port(0).bindAddress("0.0.0.0")
        .tokensFile(tokens).report(line -> {}).start()) {
      assertThat(server.acceptsAnyToken()).isFalse();
      assertThat(status(server, "first")).isEqualTo(401);

      Files.writeString(tokens, "first\n");
      server.reloadTokens();

      assertThat(status(server, "first")).isEqualTo(200);
    }
  }
}
