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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A summary's {@code count} is a whole number from 1 to 2^31 - 1, and no accepted write can overflow a roll-up
 * bucket: what the store cannot hold exactly is refused with a 400 naming {@code count}, and the data already stored
 * is unchanged at every resolution.
 */
class CountLimitsTest {
  static final long NOW = 1_700_000_000L;
  static final long T = NOW - 30;
  static final int[] RESOLUTIONS = {1, 60, 900, 3600, 86_400};

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));

  private final TestHttp http = new TestHttp(EMULATOR.baseUri(), "t");

  private TestHttp.Answer post(String metric, String fields) {
    return http.post("measurements", "{\"measurements\":[{\"name\":\"" + metric + "\"," + fields + ",\"time\":" + T
        + ",\"tags\":{\"h\":\"a\"}}]}");
  }

  /** The bucket holding T at each resolution, with every statistic. */
  private String stored(String metric) {
    StringBuilder all = new StringBuilder();
    for (int r : RESOLUTIONS) {
      JsonNode body = http.get("measurements/" + metric + "?summary_function=all&resolution=" + r
          + "&start_time=" + (T - 100L * r) + "&end_time=" + NOW).json();
      all.append(r).append(": ").append(body.at("/series/0/measurements")).append('\n');
    }
    return all.toString();
  }

  @Test
  void aCountOf1e20IsRefusedAndTheStoredPointSurvives() {
    assertThat(post("ovf", "\"value\":5").status()).isEqualTo(202);
    String before = stored("ovf");

    TestHttp.Answer a = post("ovf", "\"sum\":1,\"count\":1e20");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/count/0").asText())
        .isEqualTo("measurements[0].count must be a whole number from 1 to 2147483647, got 1e20");
    assertThat(stored("ovf")).isEqualTo(before).contains("\"count\":1.0,\"sum\":5.0");
  }

  @Test
  void twoCountsOf9e18AreRefusedAndNothingIsStored() {
    assertThat(post("ovf2", "\"sum\":1,\"count\":9e18").status()).isEqualTo(400);
    assertThat(post("ovf2", "\"sum\":1,\"count\":9000000000000000000").status()).isEqualTo(400);

    assertThat(http.get("metrics/ovf2").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1.5", "2147483648", "9007199254740993", "1e300"})
  void countsOutsideOneTo2pow31AreRefusedNamingTheValue(String count) {
    TestHttp.Answer a = post("bad.count", "\"sum\":1,\"count\":" + count);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().at("/errors/params/count/0").asText())
        .isEqualTo("measurements[0].count must be a whole number from 1 to 2147483647, got " + count);
  }

  @Test
  void theLargestCountIsStoredExactlyAndAddsUp() {
    for (int i = 0; i < 3; i++) {
      assertThat(post("big.count", "\"sum\":6,\"count\":2147483647").status()).isEqualTo(202);
    }

    assertThat(stored("big.count").lines())
        .allSatisfy(line -> assertThat(line).contains("\"count\":6.442450941E9,\"sum\":18.0"));
  }
}
