package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults and rate limits. */
class FaultsTest {
  @RegisterExtension static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(EMULATOR.baseUri(), "t");
  }

  @Test
  void failNextAnswersThatManyRequestsWithTheStatusThenRecovers() {
    EMULATOR.emulator().setFaults(Faults.builder().failNext(2, 503).build());

    TestHttp.Answer first = http.get("metrics");

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.json().at("/errors/system/0").asText()).contains("retry");
    assertThat(http.get("metrics").status()).isEqualTo(503);
    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @Test
  void dropNextClosesTheConnectionWithoutAnAnswer() throws IOException {
    EMULATOR.emulator().setFaults(Faults.builder().dropNext(1).build());

    try (Socket socket = new Socket("127.0.0.1", EMULATOR.emulator().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /v1/metrics HTTP/1.1\r\nHost: x\r\nAuthorization: " + TestHttp.basic("t", "") + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @Test
  void rateLimitNextAnswers429WithRetryAfterAndShapeCBody() {
    EMULATOR.emulator().setFaults(Faults.builder().rateLimitNext(1, 7).build());

    TestHttp.Answer a = http.get("metrics");

    assertThat(a.status()).isEqualTo(429);
    assertThat(a.header("Retry-After")).isEqualTo("7");
    assertThat(a.json().get("error").asText()).startsWith("You have hit the API limit for measurements");
    assertThat(a.json().has("request_time")).isTrue();
    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @Test
  void errorShareHitsSomeRequestsAndIsRepeatableWithASeed() {
    Faults faults = Faults.builder().errors(0.5, 502).seed(11).build();
    EMULATOR.emulator().setFaults(faults);
    List<Integer> first = statuses(40);
    EMULATOR.emulator().setFaults(faults);
    List<Integer> second = statuses(40);

    assertThat(first).contains(200, 502).containsOnly(200, 502);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void dropShareClosesSomeConnections() {
    EMULATOR.emulator().setFaults(Faults.builder().drops(1.0).build());

    assertThatThrownBy(
            () ->
                http.post(
                    "measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}"))
        .hasCauseInstanceOf(IOException.class);
    EMULATOR.emulator().setFaults(Faults.none());
    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysAnswersByAtLeastTheConfiguredTime() {
    EMULATOR.emulator().setFaults(Faults.builder().latency(1.0, Duration.ofMillis(120)).build());

    long started = System.nanoTime();
    TestHttp.Answer a = http.get("metrics");

    // a lower bound only: sleeping guarantees it, so it cannot flake
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    assertThat(a.status()).isEqualTo(200);
  }

  @Test
  void clearRestoresTheConfiguredFaults() {
    EMULATOR.emulator().setFaults(Faults.builder().failNext(5, 500).build());

    EMULATOR.emulator().clear();

    assertThat(http.get("metrics").status()).isEqualTo(200);
  }

  @Test
  void invalidFaultSettingsAreRefused() {
    assertThatThrownBy(() -> Faults.builder().errors(1.5)).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> Faults.builder().errors(0.1, 404)).hasMessageContaining("500..599");
    assertThatThrownBy(() -> Faults.builder().dropNext(-1)).hasMessageContaining("at least 0");
  }

  @Test
  void perTokenRateLimit() {
    try (AppOpticsEmulator limited =
        AppOpticsEmulator.builder().rateLimit(3, Duration.ofHours(1)).start()) {
      TestHttp a = new TestHttp(limited.baseUri(), "a");
      List<String> remaining = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        TestHttp.Answer ok = a.get("metrics");
        assertThat(ok.status()).isEqualTo(200);
        remaining.add(ok.header("X-Librato-RateLimit-Std").replaceAll(".*remaining=(\\d+).*", "$1"));
      }
      TestHttp.Answer refused = a.get("metrics");

      assertThat(remaining).containsExactly("2", "1", "0");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
      assertThat(refused.json().get("error").asText())
          .isEqualTo(
              "You have hit the API limit for measurements [measure:raw_rate]. "
                  + "Contact: support@appoptics.com to adjust this limit.");
      assertThat(new TestHttp(limited.baseUri(), "b").get("metrics").status()).isEqualTo(200);
    }
  }

  private List<Integer> statuses(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(http.get("metrics").status());
    }
    return out;
  }
}
