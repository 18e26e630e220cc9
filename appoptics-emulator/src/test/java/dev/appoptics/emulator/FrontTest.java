package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication, routing, body handling and error shapes of the server front. */
class FrontTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.tokens("good", "other").maxBodyBytes(64 * 1024).requestLog(LOG::add));

  private TestHttp http(String token) {
    return new TestHttp(EMULATOR.baseUri(), token);
  }

  /** Posts {@code body} to the measurements endpoint with a good token and exactly the given header pairs. */
  private TestHttp.Answer postMeasurements(BodyPublisher body, String... headerPairs) {
    TestHttp h = http("good");
    return h.send(h.builder("measurements").headers(headerPairs).POST(body));
  }

  private static final String ONE = "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}";

  @Test
  void missingCredentialsOnGetIsJson401() {
    TestHttp.Answer a = http(null).get("metrics");

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body()).isEqualTo("{\"errors\":{\"request\":[\"Authorization Required\"]}}");
  }

  @Test
  void missingCredentialsOnPostIsPlainText401() {
    TestHttp.Answer a = http(null).post("measurements", ONE);

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("Content-Type")).startsWith("text/plain");
    assertThat(a.body()).isEqualTo("Credentials are required to access this resource.");
  }

  @Test
  void unknownTokenIs401() {
    assertThat(http("bad").get("metrics").status()).isEqualTo(401);
  }

  @Test
  void tokenInUserSlotIsAccepted() {
    assertThat(http("good").get("metrics").status()).isEqualTo(200);
  }

  @Test
  void passwordSlotWinsOverUserSlot() {
    TestHttp h = http(null);
    TestHttp.Answer goScheme =
        h.send(h.builder("metrics").header("Authorization", TestHttp.basic("token", "good")).GET());
    TestHttp.Answer wrongPassword =
        h.send(h.builder("metrics").header("Authorization", TestHttp.basic("good", "bad")).GET());

    assertThat(goScheme.status()).isEqualTo(200);
    assertThat(wrongPassword.status()).isEqualTo(401);
  }

  @Test
  void emptyUserAndPasswordIs401() {
    TestHttp h = http(null);
    TestHttp.Answer a = h.send(h.builder("metrics").header("Authorization", TestHttp.basic("", "")).GET());

    assertThat(a.status()).isEqualTo(401);
  }

  @Test
  void unknownPathIsApi404() {
    TestHttp.Answer a = http("good").get("nothing/here");

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).isEqualTo("{\"errors\":{\"request\":[\"Not found\"]}}");
  }

  @Test
  void pathOutsideV1Is404() {
    assertThat(http("good").get("/favicon.ico").status()).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405WithJsonBody() {
    TestHttp.Answer a = http("good").delete("measurements");

    assertThat(a.status()).isEqualTo(405);
    assertThat(a.json().at("/errors/request/0").asText()).contains("DELETE");
  }

  @Test
  void gzipBodiesAreInflated() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
      gz.write((ONE + "\n").getBytes(StandardCharsets.UTF_8));
    }
    TestHttp.Answer a = postMeasurements(BodyPublishers.ofByteArray(raw.toByteArray()),
        "Content-Type", "application/json", "Content-Encoding", "gzip");

    assertThat(a.status()).isEqualTo(202);
  }

  @Test
  void gzipHeaderOnBodylessGetIsTolerated() {
    TestHttp h = http("good");
    TestHttp.Answer a = h.send(h.builder("metrics").header("Content-Encoding", "gzip").GET());

    assertThat(a.status()).isEqualTo(200);
  }

  @Test
  void brokenGzipIs400() {
    TestHttp.Answer a = postMeasurements(BodyPublishers.ofString("not gzip"),
        "Content-Type", "application/json", "Content-Encoding", "gzip");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/request/0").asText()).contains("gzip");
  }

  @Test
  void nonJsonContentTypeIs415() {
    TestHttp.Answer a = postMeasurements(BodyPublishers.ofString("a=b"),
        "Content-Type", "application/x-www-form-urlencoded");

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.json().at("/errors/request/0").asText()).contains("application/x-www-form-urlencoded");
  }

  @Test
  void bodyOverTheLimitIs413AndServerStaysHealthy() {
    String huge = "{\"measurements\":[" + "{\"name\":\"m\",\"value\":1},".repeat(5000) + "{}]}";

    TestHttp.Answer a = http("good").post("measurements", huge);

    assertThat(a.status()).isEqualTo(413);
    assertThat(a.json().at("/errors/request/0").asText()).contains("65536");
    assertThat(http("good").post("measurements", ONE).status()).isEqualTo(202);
  }

  @Test
  void aClientThatWritesTheWholeOversizedBodyBeforeReadingStillGetsThe413() throws IOException {
    byte[] body = new byte[12 * 1024 * 1024]; // well past the socket buffers, so an unread rest would block and reset
    java.util.Arrays.fill(body, (byte) ' ');
    String auth = java.util.Base64.getEncoder().encodeToString("good:".getBytes(StandardCharsets.US_ASCII));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", EMULATOR.emulator().port())) {
      socket.getOutputStream().write(("POST /v1/measurements HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      String status = new java.io.BufferedReader(
          new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();

      assertThat(status).startsWith("HTTP/1.1 413 ");
    }
  }

  @Test
  void everyAnswerCarriesRateLimitHeaders() {
    TestHttp.Answer a = http("good").get("metrics");

    assertThat(a.header("X-Librato-RateLimit-Std")).matches("limit=\\d+,remaining=\\d+,reset=\\d+");
    assertThat(a.header("X-Librato-RateLimit-Agg")).matches("limit=\\d+,remaining=\\d+,reset=\\d+");
  }

  @Test
  void requestsAreLoggedWithMethodPathStatusAndSize() {
    http("good").get("metrics?length=5");

    assertThat(LOG).anyMatch(l -> l.matches("GET /v1/metrics\\?length=5 -> 200 \\d+B [0-9.]+ms"));
  }

  @Test
  void statsCountRequests() {
    http("good").get("metrics");
    http("good").get("metrics");

    assertThat(EMULATOR.emulator().stats().requests()).isEqualTo(2);
  }

  @Test
  void healthIsPublicWithoutTokenRateLimitOrFaults() {
    EMULATOR.emulator().setFaults(Faults.builder().failNext(3, 503).build());

    TestHttp.Answer a = http(null).get("/health");

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("status").asText()).isEqualTo("ok");
    assertThat(a.header("X-Librato-RateLimit-Std")).isNull();
    assertThat(EMULATOR.emulator().stats().requests()).isZero();
    assertThat(http("good").get("metrics").status()).as("the faults still wait for API requests").isEqualTo(503);
  }

  @Test
  void contentEncodingOtherThanGzipOrIdentityIs415NamingTheSupportedOnes() {
    TestHttp.Answer a = postMeasurements(BodyPublishers.ofString(ONE),
        "Content-Type", "application/json", "Content-Encoding", "br");

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.json().at("/errors/request/0").asText()).contains("br").contains("gzip, identity");
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isZero();
  }

  @Test
  void anOffsetPastTheIntRangeIs400NamingOffsetNotClamped() {
    TestHttp.Answer a = http("good").get("metrics?offset=2147483648");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/offset/0").asText()).contains("2147483647").contains("2147483648");
  }
}
