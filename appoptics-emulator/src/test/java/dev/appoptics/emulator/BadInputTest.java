package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Garbage of every kind gets a 4xx with a JSON error body, and the server keeps answering. */
class BadInputTest {
  @RegisterExtension static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  private TestHttp http() {
    return new TestHttp(EMULATOR.baseUri(), "t");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "not json",
        "[]",
        "null",
        "42",
        "{\"measurements\":{}}",
        "{\"measurements\":\"cpu\"}",
        "{\"measurements\":[1,2]}",
        "{\"measurements\":[{\"name\":\"m\",\"value\":1}]} trailing",
        "{\"tags\":[],\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":[\"m\"],\"value\":1}]}",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":{\"x\":1}}]}",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1e999999}]}",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":NaN}]}",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\\u0000\",\"value\":1}]}",
        "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1,\"time\":\"now\"}]}",
        "{\"tags\":{\"a\":{\"b\":1}},\"measurements\":[{\"name\":\"m\",\"value\":1}]}",
        "\u00ff\u00fe garbage bytes"
      })
  void badMeasurementBodiesAre400(String body) {
    TestHttp.Answer a = http().post("measurements", body);

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(a.json().has("errors")).as(a.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[1]", "\"text\"", "{\"type\":5}", "{\"attributes\":[]}", "{\"period\":\"x\"}"})
  void badMetricBodiesAre400(String body) {
    TestHttp.Answer a = http().put("metrics/some.metric", body);

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "measurements/m?resolution=abc&duration=60",
        "measurements/m?resolution=1",
        "metrics?offset=-1",
        "metrics?length=1000",
        "metrics?length=x",
        "measurements/bad%20name?resolution=1&duration=60"
      })
  void badQueriesAre4xx(String path) {
    http().post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}");

    TestHttp.Answer a = http().get(path);

    assertThat(a.status()).as(a.toString()).isBetween(400, 499);
    assertThat(a.json().has("errors")).isTrue();
  }

  @AfterEach
  void stillHealthy() {
    TestHttp.Answer a =
        http().post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"ok\",\"value\":1}]}");
    assertThat(a.status()).isEqualTo(202);
  }
}
