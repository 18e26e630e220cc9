package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance extension field: a fresh emulator for every test, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerTestTest {
  @RegisterExtension final AppOpticsEmulatorExtension emulator = AppOpticsEmulatorExtension.create();

  static AppOpticsEmulator previous;
  static URI previousUri;

  @Test
  @Order(1)
  void first(AppOpticsEmulator injected) {
    assertThat(injected).isSameAs(emulator.emulator());
    new TestHttp(emulator.baseUri(), "t")
        .post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}");
    previous = injected;
    previousUri = emulator.baseUri();
  }

  @Test
  @Order(2)
  void secondGetsAFreshOneAndThePreviousIsClosed() {
    assertThat(emulator.emulator()).isNotSameAs(previous);
    assertThat(emulator.emulator().stats().metrics()).isZero();
    assertThatThrownBy(() -> new TestHttp(previousUri, "t").get("metrics")).isInstanceOf(RuntimeException.class);
  }
}
