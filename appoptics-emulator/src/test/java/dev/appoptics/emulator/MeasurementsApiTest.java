package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MeasurementsApiTest {
  static final long NOW = 1_700_000_000L;

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));

  TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(EMULATOR.baseUri(), "token");
  }

  @Test
  void acceptsMeasurementsWithTheCompactSummaryMicrometerNeeds() {
    TestHttp.Answer a =
        http.post(
            "measurements",
            "{\"time\":" + NOW + ",\"tags\":{\"host\":\"a\"},\"measurements\":[{\"name\":\"cpu\",\"value\":1.5},"
                + "{\"name\":\"lat\",\"sum\":10,\"count\":4,\"tags\":{\"host\":\"b\"}}]}");

    assertThat(a.status()).isEqualTo(202);
    assertThat(a.body())
        .isEqualTo(
            "{\"measurements\":{\"summary\":{\"total\":2,\"accepted\":2,\"failed\":0,\"filtered\":0}},\"errors\":[]}");
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isEqualTo(2);
  }

  @Test
  void perMeasurementTagsReplaceTopLevelTags() {
    http.post(
        "measurements",
        "{\"time\":" + NOW + ",\"tags\":{\"region\":\"eu\"},\"measurements\":[{\"name\":\"m\",\"value\":1,"
            + "\"tags\":{\"host\":\"b\"}}]}");

    JsonNode series = http.get("measurements/m?resolution=1&duration=60&end_time=" + NOW).json().get("series");

    assertThat(series).hasSize(1);
    assertThat(series.get(0).get("tags").toString()).isEqualTo("{\"host\":\"b\"}");
  }

  @Test
  void emptyMeasurementListIsAFlatError() {
    TestHttp.Answer a = http.post("measurements", "{\"measurements\":[]}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).isEqualTo("{\"errors\":[\"Payload must include at least 1 measurement\"]}");
  }

  @Test
  void invalidMetricNameIsAParamsErrorWithRequestTime() {
    TestHttp.Answer a =
        http.post("measurements", "{\"tags\":{\"a\":\"b\"},\"measurements\":[{\"name\":\"foo bar\",\"value\":1}]}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/name/0").asText()).isEqualTo("foo bar is not a valid metric name");
    assertThat(a.json().get("request_time").asLong()).isEqualTo(NOW);
  }

  @Test
  void queriesPointsBackAtOneSecondResolution() {
    http.post(
        "measurements",
        "{\"tags\":{\"h\":\"x\"},\"measurements\":[{\"name\":\"q\",\"value\":2,\"time\":" + (NOW - 10) + "},"
            + "{\"name\":\"q\",\"value\":4,\"time\":" + (NOW - 10) + "},{\"name\":\"q\",\"value\":7,\"time\":"
            + (NOW - 5) + "}]}");

    JsonNode body = http.get("measurements/q?resolution=1&start_time=" + (NOW - 60)).json();

    assertThat(body.get("name").asText()).isEqualTo("q");
    assertThat(body.get("resolution").asInt()).isEqualTo(1);
    assertThat(body.get("links")).isEmpty();
    assertThat(body.at("/series/0/measurements").toString())
        .isEqualTo(
            "[{\"time\":" + (NOW - 10) + ",\"value\":3.0},{\"time\":" + (NOW - 5) + ",\"value\":7.0}]");
  }

  @Test
  void unknownMetricIs404() {
    assertThat(http.get("measurements/nope?resolution=1&duration=60").status()).isEqualTo(404);
  }
}
