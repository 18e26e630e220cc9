package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roll-up arithmetic at every tier, read back over HTTP with a fixed clock. */
class RollupTest {
  static final long NOW = 472_222L * 3600; // an hour boundary
  static final long T0 = NOW - 3 * 3600;

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(
          b -> b.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).pastLimit(Duration.ofDays(2)));

  TestHttp http;

  @BeforeEach
  void data() {
    http = new TestHttp(EMULATOR.baseUri(), "t");
    // written out of order on purpose: later buckets first
    post(3601, 13);
    post(3600, 11);
    post(0, 1);
    post(0, 3);
    post(30, 5);
    post(905, 9);
    post(61, 7);
  }

  private void post(long offset, double value) {
    TestHttp.Answer a =
        http.post(
            "measurements",
            "{\"tags\":{\"h\":\"a\"},\"measurements\":[{\"name\":\"r\",\"value\":" + value + ",\"time\":"
                + (T0 + offset) + "}]}");
    assertThat(a.status()).isEqualTo(202);
  }

  private List<String> points(int resolution, String function) {
    JsonNode body =
        http.get(
                "measurements/r?resolution=" + resolution + "&start_time=" + T0 + "&end_time=" + NOW
                    + "&summary_function=" + function)
            .json();
    assertThat(body.get("resolution").asInt()).isEqualTo(resolution);
    List<String> out = new ArrayList<>();
    for (JsonNode p : body.at("/series/0/measurements")) {
      out.add((p.get("time").asLong() - T0) + "=" + p.get("value").asDouble());
    }
    return out;
  }

  @ParameterizedTest(name = "resolution {0}, {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1    | mean  | 0=2.0, 30=5.0, 61=7.0, 905=9.0, 3600=11.0, 3601=13.0",
        "1    | count | 0=2.0, 30=1.0, 61=1.0, 905=1.0, 3600=1.0, 3601=1.0",
        "60   | mean  | 0=3.0, 60=7.0, 900=9.0, 3600=12.0",
        "60   | sum   | 0=9.0, 60=7.0, 900=9.0, 3600=24.0",
        "60   | min   | 0=1.0, 60=7.0, 900=9.0, 3600=11.0",
        "60   | max   | 0=5.0, 60=7.0, 900=9.0, 3600=13.0",
        "60   | last  | 0=5.0, 60=7.0, 900=9.0, 3600=13.0",
        "60   | derivative | 60=4.0, 900=2.0, 3600=3.0",
        "120  | mean  | 0=4.0, 840=9.0, 3600=12.0",
        "900  | mean  | 0=4.0, 900=9.0, 3600=12.0",
        "900  | count | 0=4.0, 900=1.0, 3600=2.0",
        "1800 | sum   | 0=25.0, 3600=24.0",
        "3600 | mean  | 0=5.0, 3600=12.0",
        "3600 | sum   | 0=25.0, 3600=24.0",
        "3600 | count | 0=5.0, 3600=2.0",
        "3600 | min   | 0=1.0, 3600=11.0",
        "3600 | max   | 0=9.0, 3600=13.0",
        "3600 | last  | 0=9.0, 3600=13.0",
        "3600 | stddev | 0=2.8284271247461903, 3600=1.0",
        "7200 | sum   | -3600=25.0, 3600=24.0"
      })
  void rollsUp(int resolution, String function, String expected) {
    assertThat(points(resolution, function)).containsExactly(expected.split(", "));
  }

  @Test
  void summaryMeasurementsMergeWithValues() {
    http.post(
        "measurements",
        "{\"tags\":{\"h\":\"s\"},\"measurements\":[{\"name\":\"s\",\"sum\":10,\"count\":4,\"min\":1,\"max\":4,"
            + "\"last\":2,\"time\":" + T0 + "},{\"name\":\"s\",\"value\":6,\"time\":" + (T0 + 1) + "}]}");

    JsonNode p =
        http.get("measurements/s?resolution=60&summary_function=all&start_time=" + T0 + "&end_time=" + NOW)
            .json()
            .at("/series/0/measurements/0");

    assertThat(p.get("count").asDouble()).isEqualTo(5);
    assertThat(p.get("sum").asDouble()).isEqualTo(16);
    assertThat(p.get("min").asDouble()).isEqualTo(1);
    assertThat(p.get("max").asDouble()).isEqualTo(6);
    assertThat(p.get("last").asDouble()).isEqualTo(6);
    assertThat(p.get("value").asDouble()).isEqualTo(3.2);
  }

  @Test
  void startIsAlignedDownToTheResolution() {
    assertThat(
            http.get("measurements/r?resolution=3600&start_time=" + (T0 + 1800) + "&end_time=" + (T0 + 1800))
                .json()
                .at("/series/0/measurements/0/time")
                .asLong())
        .isEqualTo(T0);
  }
}
