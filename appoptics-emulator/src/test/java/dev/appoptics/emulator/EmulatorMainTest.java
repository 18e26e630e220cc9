package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

  @Test
  void startsAndPrintsWhereItListensAsTheFirstLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (AppOpticsEmulator e =
        EmulatorMain.start(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            "--port", "0", "--token", "secret", "--max-series", "10", "--rate-limit", "100/60",
            "--service", "mail:Ops:addresses=a@example.com")) {
      java.util.List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

      assertThat(lines.get(0)).isEqualTo("listening on http://127.0.0.1:" + e.port() + "/v1/");
      assertThat(lines.get(1)).isEqualTo("console at http://127.0.0.1:" + e.port() + "/");
      assertThat(new TestHttp(e.baseUri(), "secret").get("metrics").status()).isEqualTo(200);
      assertThat(new TestHttp(e.baseUri(), "other").get("metrics").status()).isEqualTo(401);
    }
  }

  @Test
  void timeoutAndHeaderLimitOptionsApply() throws Exception {
    try (AppOpticsEmulator e = EmulatorMain.start(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), "--port", "0", "--max-header-bytes", "2048", "--idle-timeout", "1",
        "--header-timeout", "5");
        Socket silent = new Socket("127.0.0.1", e.port())) {
      RawExchange.Answer big = RawExchange.send(e.port(), "GET /v1/metrics HTTP/1.1\r\nHost: x\r\nX-Big: "
          + "a".repeat(3000) + "\r\n\r\n");

      assertThat(big.status()).isEqualTo(431);
      assertThat(big.body()).contains("2048");
      silent.setSoTimeout(10_000);
      assertThat(silent.getInputStream().read()).as("closed by the 1 s idle timeout").isEqualTo(-1);
    }
  }

  @Test
  void compatibilityFlagsReachTheEmulator() {
    EmulatorOptions options = EmulatorOptions.parse(
        "--port", "0", "--annotation-events-as-list", "--unique-space-names", "--job-duration-ms", "60000");
    try (AppOpticsEmulator e = options.applyTo(AppOpticsEmulator.builder()).start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      http.post("annotations/deploys", "{\"title\":\"t\"}");
      http.post("spaces", "{\"name\":\"s\"}");
      long chart = http.post("spaces/1/charts", "{\"name\":\"c\"}").json().path("id").asLong();
      http.post("snapshots", "{\"subject\":{\"chart\":{\"id\":" + chart + "}}}");

      assertThat(http.get("annotations/deploys?count=1").json().path("events").isArray()).isTrue();
      assertThat(http.post("spaces", "{\"name\":\"s\"}").status()).isEqualTo(422);
      assertThat(http.get("jobs/1").json().path("state").asText()).isEqualTo("queued");
    }
    assertThatThrownBy(() -> EmulatorOptions.parse("--job-duration-ms", "-1")).hasMessageContaining("--job-duration-ms");
  }

  @Test
  void helpPrintsUsageAndStartsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    assertThat(EmulatorMain.start(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--help")).isNull();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--port N").contains("--rate-limit N/S")
        .contains("--header-timeout S").contains("--idle-timeout S");
  }

  @Test
  void defaultPortIs8080() {
    assertThat(EmulatorOptions.parse().port()).isEqualTo(8080);
    assertThat(EmulatorOptions.parse("--port=9000").port()).isEqualTo(9000);
  }

  @Test
  void badOptionsNameTheOptionAndValue() {
    assertThatThrownBy(() -> EmulatorOptions.parse("--port", "abc")).hasMessageContaining("--port").hasMessageContaining("abc");
    assertThatThrownBy(() -> EmulatorOptions.parse("--bogus")).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> EmulatorOptions.parse("--rate-limit", "5")).hasMessageContaining("REQUESTS/SECONDS");
    assertThatThrownBy(() -> EmulatorOptions.parse("--fail-rate", "2")).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> EmulatorOptions.parse("--token")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> EmulatorOptions.parse("--service", "mail")).hasMessageContaining("TYPE:TITLE");
    assertThatThrownBy(() -> EmulatorOptions.parse("--port", "70000")).hasMessageContaining("--port");
    assertThatThrownBy(() -> EmulatorOptions.parse("--header-timeout", "0")).hasMessageContaining("--header-timeout");
    assertThatThrownBy(() -> EmulatorOptions.parse("--idle-timeout", "x")).hasMessageContaining("--idle-timeout");
    assertThatThrownBy(() -> EmulatorOptions.parse("--max-header-bytes", "10"))
        .hasMessageContaining("--max-header-bytes").hasMessageContaining("10");
    assertThatThrownBy(() -> EmulatorOptions.parse("--alert-interval", "-5"))
        .hasMessageStartingWith("--alert-interval: ").hasMessageContaining("-5");
    assertThatThrownBy(() -> EmulatorOptions.parse("--alert-interval", "1m")).hasMessageContaining("whole number");
  }

  @Test
  void servicesParseTypeTitleAndSettings() {
    ServiceSeed seed = EmulatorOptions.service("slack:Team chat:url=https://x/y,channel=ops");

    assertThat(seed).isEqualTo(new ServiceSeed("slack", "Team chat", Map.of("url", "https://x/y", "channel", "ops")));
  }
}
