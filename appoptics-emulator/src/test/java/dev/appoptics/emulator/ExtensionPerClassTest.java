package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension field: one emulator for the class, cleared before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerClassTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create(b -> b.tokens("only"));

  static AppOpticsEmulator first;

  @Test
  @Order(1)
  void writes(AppOpticsEmulator emulator) {
    first = emulator;
    TestHttp http = new TestHttp(EMULATOR.baseUri(), "only");
    assertThat(
            http.post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}")
                .status())
        .isEqualTo(202);
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(1);
    assertThat(new TestHttp(EMULATOR.baseUri(), "other").get("metrics").status()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void seesTheSameEmulatorCleared(AppOpticsEmulator emulator) {
    assertThat(emulator).isSameAs(first).isSameAs(EMULATOR.emulator());
    assertThat(emulator.stats().measurementsAccepted()).isZero();
    assertThat(new TestHttp(EMULATOR.baseUri(), "only").get("metrics/m").status()).isEqualTo(404);
  }

  @Test
  void baseUriPointsAtV1OnLoopback() {
    assertThat(EMULATOR.baseUri().toString())
        .isEqualTo("http://127.0.0.1:" + EMULATOR.emulator().port() + "/v1/");
  }
}
