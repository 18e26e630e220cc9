package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation rule of POST /v1/measurements, with the field each error names. */
class ValidationTest {
  static final long NOW = 1_700_000_000L;

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));

  private TestHttp.Answer post(String measurement) {
    return new TestHttp(EMULATOR.baseUri(), "t")
        .post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[" + measurement + "]}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{\"value\":1}                                            | name  | is not present",
        "{\"name\":\"a b\",\"value\":1}                           | name  | a b is not a valid metric name",
        "{\"name\":\"caf\u00e9\",\"value\":1}                     | name  | is not a valid metric name",
        "{\"name\":\"\",\"value\":1}                              | name  | is not a valid metric name",
        "{\"name\":5,\"value\":1}                                 | name  | must be a string",
        "{\"name\":\"m\",\"value\":\"1\"}                         | value | must be a number, got string",
        "{\"name\":\"m\",\"value\":1e127}                         | value | exponent above 126",
        "{\"name\":\"m\",\"value\":-2e200}                        | value | exponent above 126",
        "{\"name\":\"m\"}                                         | value | is required",
        "{\"name\":\"m\",\"value\":1,\"count\":1,\"sum\":1}       | value | must not be set together",
        "{\"name\":\"m\",\"count\":2}                             | sum   | together",
        "{\"name\":\"m\",\"sum\":2}                               | count | together",
        "{\"name\":\"m\",\"sum\":2,\"count\":1.5}                 | count | whole number",
        "{\"name\":\"m\",\"value\":1,\"tags\":{}}                 | tags  | at least 1 tag",
        "{\"name\":\"m\",\"value\":1,\"tags\":\"x\"}              | tags  | must be an object",
        "{\"name\":\"m\",\"value\":1,\"tags\":{\"a b\":\"x\"}}    | tags  | 'a b' is not a valid tag name",
        "{\"name\":\"m\",\"value\":1,\"tags\":{\"a\":\"x*y\"}}    | tags  | 'x*y' is not a valid tag value",
        "{\"name\":\"m\",\"value\":1,\"tags\":{\"a\":\"\"}}       | tags  | is not a valid tag value",
        "{\"name\":\"m\",\"value\":1,\"time\":1699990000}         | time  | is too far in the past",
        "{\"name\":\"m\",\"value\":1,\"time\":1700003600}         | time  | is too far in the future",
        "{\"name\":\"m\",\"value\":1,\"period\":0}                | period | between 1 and 604800",
        "{\"name\":\"m\",\"value\":1,\"attributes\":5}            | attributes | must be an object"
      })
  void rejects(String measurement, String field, String message) {
    TestHttp.Answer a = post(measurement);

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    JsonNode messages = a.json().at("/errors/params/" + field);
    assertThat(messages.toString()).as(a.toString()).contains(message);
    assertThat(a.json().get("request_time").asLong()).isEqualTo(NOW);
  }

  @Test
  void tooLongNamesAreRejected() {
    String ok = "m".repeat(255);

    assertThat(post("{\"name\":\"" + ok + "\",\"value\":1}").status()).isEqualTo(202);
    assertThat(post("{\"name\":\"" + ok + "m\",\"value\":1}").status()).isEqualTo(400);
  }

  @Test
  void tagNameAndValueLengthsAreLimited() {
    String tag64 = "t".repeat(64);
    String value255 = "v".repeat(255);

    assertThat(post("{\"name\":\"m\",\"value\":1,\"tags\":{\"" + tag64 + "\":\"" + value255 + "\"}}").status())
        .isEqualTo(202);
    assertThat(post("{\"name\":\"m\",\"value\":1,\"tags\":{\"" + tag64 + "t\":\"x\"}}").status()).isEqualTo(400);
    assertThat(post("{\"name\":\"m\",\"value\":1,\"tags\":{\"t\":\"" + value255 + "v\"}}").status()).isEqualTo(400);
  }

  @Test
  void tagValuesAllowTheDocumentedPunctuation() {
    assertThat(post("{\"name\":\"m\",\"value\":1,\"tags\":{\"path\":\"a/b\\\\c?d e-f.g:h_i\"}}").status())
        .isEqualTo(202);
  }

  @Test
  void atMostFiftyTags() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      tags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
    }

    TestHttp.Answer a = post("{\"name\":\"m\",\"value\":1,\"tags\":{" + tags + "}}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/tags/0").asText()).contains("51 tags");
  }

  @Test
  void oneBadMeasurementRefusesTheWholePayload() {
    TestHttp.Answer a = post("{\"name\":\"good\",\"value\":1},{\"name\":\"bad name\",\"value\":1}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isZero();
    assertThat(EMULATOR.emulator().stats().metrics()).isZero();
  }

  @Test
  void tinyValuesAreStoredAsZero() {
    post("{\"name\":\"tiny\",\"value\":1e-200}");

    JsonNode p =
        new TestHttp(EMULATOR.baseUri(), "t").get("measurements/tiny?resolution=1&duration=60").json();

    assertThat(p.at("/series/0/measurements/0/value").asDouble()).isEqualTo(0.0);
  }
}
