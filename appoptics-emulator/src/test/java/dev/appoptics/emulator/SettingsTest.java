package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Switches that change what is stored or logged. */
class SettingsTest {
  private static final String BODY =
      "{\"tags\":{\"Region\":\"EU-West\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}";

  @Test
  void tagValuesKeepTheirCaseByDefault() {
    try (AppOpticsEmulator e = AppOpticsEmulator.start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      http.post("measurements", BODY);

      assertThat(http.get("measurements/m?resolution=1&duration=60").json().at("/series/0/tags").toString())
          .isEqualTo("{\"region\":\"EU-West\"}");
    }
  }

  @Test
  void tagValuesCanBeLowerCased() {
    try (AppOpticsEmulator e = AppOpticsEmulator.builder().lowercaseTagValues(true).start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      http.post("measurements", BODY);

      assertThat(http.get("measurements/m?resolution=1&duration=60").json().at("/series/0/tags").toString())
          .isEqualTo("{\"region\":\"eu-west\"}");
    }
  }

  @Test
  void bodiesCanBeLogged() {
    List<String> log = new CopyOnWriteArrayList<>();
    try (AppOpticsEmulator e = AppOpticsEmulator.builder().requestLog(log::add).logBodies(true).start()) {
      new TestHttp(e.baseUri(), "t").post("measurements", BODY);
    }

    assertThat(log).hasSize(1);
    assertThat(log.get(0))
        .startsWith("POST /v1/measurements -> 202")
        .contains("\n  > " + BODY)
        .contains("\n  < {\"measurements\":");
  }

  @Test
  void compositeMetricsRefuseMeasurements() {
    try (AppOpticsEmulator e = AppOpticsEmulator.start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      http.put("metrics/m", "{\"type\":\"composite\",\"composite\":\"s(\\\"x\\\", \\\"*\\\")\"}");

      TestHttp.Answer a = http.post("measurements", BODY);

      assertThat(a.status()).isEqualTo(400);
      assertThat(a.json().at("/errors/params/name/0").asText()).contains("composite");
    }
  }

  @Test
  void oneHandlerThreadIsEnough() {
    try (AppOpticsEmulator e = AppOpticsEmulator.builder().threads(1).start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");

      assertThat(http.post("measurements", BODY).status()).isEqualTo(202);
      assertThat(http.get("metrics").status()).isEqualTo(200);
    }
  }

  @Test
  void timeoutsAndTheHeaderLimitAreChecked() {
    assertThatThrownBy(() -> AppOpticsEmulator.builder().headerTimeout(Duration.ZERO))
        .hasMessageContaining("headerTimeout");
    assertThatThrownBy(() -> AppOpticsEmulator.builder().idleTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> AppOpticsEmulator.builder().maxHeaderBytes(100)).hasMessageContaining("maxHeaderBytes");
  }
}
