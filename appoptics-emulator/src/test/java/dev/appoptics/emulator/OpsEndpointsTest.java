package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's routes (health, metrics), the JSON request log, and closing with a grace period. */
class OpsEndpointsTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create(
      b -> b.tokens("good").requestLog(LOG::add).requestLogFormat(RequestLogFormat.JSON));

  private static final String ONE = "{\"tags\":{\"host\":\"a\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}";

  private static TestHttp http(String token) {
    return new TestHttp(EMULATOR.baseUri(), token);
  }

  @Test
  void healthSaysReadyAndLiveWithoutAToken() {
    TestHttp.Answer ready = http(null).get("/health");
    TestHttp.Answer live = http(null).get("/health/live");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ok");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void whatJettyRefusesBeforeRoutingIsLoggedAndCountedUnderNoRoute() {
    int port = EMULATOR.baseUri().getPort();
    String big = "a".repeat(100_000);
    assertThat(RawExchange.send(port, "GET /v1/metrics HTTP/1.1\r\nHost: x\r\nUser-Agent: refused-test\r\n"
        + "X-Big: " + big + "\r\n\r\n").status()).isEqualTo(431);
    assertThat(RawExchange.send(port, "GET /v1/" + big + " HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(414);
    assertThat(RawExchange.send(port, "GET /v1/metrics/%zz HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(400);

    List<JsonNode> refused = LOG.stream().map(OpsEndpointsTest::parse)
        .filter(l -> l.path("route").asText().equals("other") && l.path("status").asInt() >= 400
            && l.path("status").asInt() != 404)
        .toList();
    assertThat(refused).extracting(l -> l.path("status").asInt()).contains(431, 414, 400);
    assertThat(refused).allSatisfy(l -> {
      assertThat(l.path("path").asText()).hasSizeLessThanOrEqualTo(201);
      assertThat(l.path("remote").asText()).isEqualTo("127.0.0.1");
    });
    assertThat(http(null).get("/metrics").body())
        .contains("route=\"other\",status=\"431\"} ")
        .contains("route=\"other\",status=\"414\"} ")
        .contains("route=\"other\",status=\"400\"} ");
  }

  private static JsonNode parse(String line) {
    try {
      return TestHttp.JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }

  @Test
  void metricsCountRequestsByRoutePatternNotRawPath() {
    http("good").put("spaces/17", "{\"name\":\"x\"}");
    http("good").put("spaces/18", "{\"name\":\"x\"}");
    http("bad").get("spaces");
    http("good").get("no/such/path/at/all");

    TestHttp.Answer scrape = http(null).get("/metrics");

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(scrape.body())
        .contains("appoptics_http_requests_total{method=\"PUT\",route=\"/v1/spaces/{id}\",status=\"404\"} 2")
        .contains("appoptics_http_requests_total{method=\"GET\",route=\"/v1/spaces\",status=\"401\"} 1")
        .contains("appoptics_http_requests_total{method=\"GET\",route=\"other\",status=\"404\"} 1")
        .contains("appoptics_http_request_duration_seconds_bucket"
            + "{method=\"PUT\",route=\"/v1/spaces/{id}\",le=\"+Inf\"} 2")
        .contains("process_cpu_seconds_total ")
        .contains("jvm_memory_bytes_used{area=\"heap\"} ")
        .doesNotContain("spaces/17");
  }

  @Test
  void aJsonRequestLogLineCarriesRouteStatusAndTimingButNoToken() throws IOException {
    http("good").post("measurements", ONE);

    JsonNode line = TestHttp.JSON.readTree(LOG.stream().filter(l -> l.contains("/v1/measurements")).findFirst()
        .orElseThrow(() -> new AssertionError("no log line for the post in " + LOG)));

    assertThat(line.get("method").asText()).isEqualTo("POST");
    assertThat(line.get("path").asText()).isEqualTo("/v1/measurements");
    assertThat(line.get("route").asText()).isEqualTo("/v1/measurements");
    assertThat(line.get("status").asInt()).isEqualTo(202);
    assertThat(line.get("duration_ms").isNumber()).isTrue();
    assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(line.get("remote").asText()).isEqualTo("127.0.0.1");
    assertThat(LOG).noneMatch(l -> l.contains("good"));
  }

  @Test
  void closingLetsARequestInFlightFinishWithinTheGracePeriod() throws Exception {
    AppOpticsEmulator emulator = AppOpticsEmulator.builder().shutdownGracePeriod(Duration.ofSeconds(20)).start();
    byte[] body = ONE.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/measurements HTTP/1.1\r\nHost: x\r\nAuthorization: " + RawExchange.basic("t")
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, 0, 10);
      out.flush();
      awaitInFlight(emulator);

      CompletableFuture<Void> closed = CompletableFuture.runAsync(emulator::close);
      Thread.sleep(300); // closing has begun and is waiting for the request
      assertThat(closed).as("close waits for the request in flight").isNotDone();
      out.write(body, 10, body.length - 10);
      out.flush();
      RawExchange.Answer answer = RawExchange.read(socket.getInputStream());

      assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
      closed.get();
      assertThat(emulator.stats().measurementsAccepted()).isEqualTo(1);
    }
  }

  @Test
  void duringTheShutdownDelayReadinessIsDownButRequestsAreStillServed() throws Exception {
    AppOpticsEmulator emulator = AppOpticsEmulator.builder().shutdownDelay(Duration.ofSeconds(2)).start();
    TestHttp http = new TestHttp(emulator.baseUri(), "t");
    assertThat(http.get("/health").status()).isEqualTo(200);

    long t0 = System.nanoTime();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(emulator::close);
    TestHttp.Answer health = http.get("/health");
    for (int i = 0; i < 100 && health.status() == 200; i++) {
      Thread.sleep(10);
      health = http.get("/health");
    }

    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().get("status").asText()).isEqualTo("stopping");
    assertThat(http.post("measurements", ONE).status()).as("still served").isEqualTo(202);
    assertThat(closed).as("close waits out the delay").isNotDone();
    closed.get();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(1);
    assertThatThrownBy(() -> new Socket("127.0.0.1", emulator.port()).close())
        .as("no longer accepting").isInstanceOf(IOException.class);
  }

  /** Waits until the front counted the API request (its headers were read and handling began). */
  private static void awaitInFlight(AppOpticsEmulator emulator) throws InterruptedException {
    for (int i = 0; i < 500 && emulator.stats().requests() == 0; i++) {
      Thread.sleep(10);
    }
    assertThat(emulator.stats().requests()).isEqualTo(1);
  }
}
