package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, one row per case ({@link HostileCases}): each is sent to one emulator that holds seed data, and
 * each must get its status with an error body in the API's JSON shape (never an exception class name), after which
 * the emulator still answers and every stored thing reads back exactly as before.
 */
class HostileInputTest {
  private static final long NOW = System.currentTimeMillis() / 1000;
  private static final String SEED_QUERY =
      "/v1/measurements/seed.metric?start_time=" + (NOW - 600) + "&end_time=" + NOW + "&resolution=1"
          + "&summary_function=all";
  /** What is read back after every case; all of it must stay the same. */
  private static final List<String> READ_BACK = List.of(SEED_QUERY, "/v1/metrics", "/v1/spaces",
      "/v1/annotations/seed.stream?start_time=" + (NOW - 600), "/v1/services", "/v1/alerts");

  private static AppOpticsEmulator emulator;
  private static Map<String, String> before;
  private static EmulatorStats storedBefore;

  @BeforeAll
  static void startAndSeed() {
    emulator = AppOpticsEmulator.builder().tokens(HostileCase.TOKEN).maxBodyBytes(HostileCases.MAX_BODY_BYTES)
        .service(new ServiceSeed("mail", "ops", Map.of("addresses", "ops@example.com"))).start();
    TestHttp http = new TestHttp(emulator.baseUri(), HostileCase.TOKEN);
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      points.append(i == 0 ? "" : ",").append("{\"name\":\"seed.metric\",\"value\":").append(i * 1.5)
          .append(",\"time\":").append(NOW - 300 + i).append(",\"tags\":{\"host\":\"h").append(i % 3).append("\"}}");
    }
    assertThat(http.post("measurements", "{\"measurements\":[" + points + "]}").status()).isEqualTo(202);
    assertThat(http.post("spaces", "{\"name\":\"seed space\"}").status()).isEqualTo(201);
    assertThat(http.post("annotations/seed.stream", "{\"title\":\"deploy\",\"start_time\":" + (NOW - 100) + "}")
        .status()).isEqualTo(201);
    before = readBack();
    storedBefore = emulator.stats();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static Stream<HostileCase> cases() {
    return HostileCases.all().stream();
  }

  @Test
  void theTableIsLargeEnough() {
    assertThat(HostileCases.all()).hasSizeGreaterThanOrEqualTo(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAndChangesNothing(HostileCase c) {
    RawExchange.Answer answer;
    try {
      answer = RawExchange.send(emulator.port(), c.bytes());
    } catch (UncheckedIOException e) {
      throw new AssertionError(c + ": no answer", e);
    }

    assertThat(answer.status()).as("%s: status of %s", c, answer).isEqualTo(c.status());
    assertThat(answer.body()).as("answer body").doesNotContainPattern("[A-Z]\\w*(Exception|Error)\\b")
        .doesNotContain("java.", "jetty", "<html");
    if (c.isPlainText()) {
      assertThat(answer.headers().get("content-type")).startsWith("text/plain");
    } else {
      assertThat(answer.headers().get("content-type")).as("content type of %s", answer)
          .startsWith("application/json");
      JsonNode json = answer.json();
      assertThat(json.has("errors") || json.has("error")).as("API error shape: %s", answer).isTrue();
    }
    for (String word : c.mentions()) {
      assertThat(answer.body()).as("%s: message names the problem", c).containsIgnoringCase(word);
    }
    assertThat(readBack()).as("stored data read back after the case").isEqualTo(before);
    EmulatorStats stored = emulator.stats();
    assertThat(List.of(stored.measurementsAccepted(), stored.metrics(), stored.series(), stored.points()))
        .as("accepted measurements, metrics, series, points")
        .isEqualTo(List.of(storedBefore.measurementsAccepted(), storedBefore.metrics(), storedBefore.series(),
            storedBefore.points()));
  }

  /** Every read-back answer by path; each must be a 200, so this also shows the emulator still serves. */
  private static Map<String, String> readBack() {
    TestHttp http = new TestHttp(emulator.baseUri(), HostileCase.TOKEN);
    Map<String, String> answers = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (String path : READ_BACK) {
      TestHttp.Answer a = http.get(path);
      if (a.status() != 200) {
        failures.add(path + " -> " + a);
      }
      answers.put(path, a.body());
    }
    assertThat(failures).as("read-back requests").isEmpty();
    return answers;
  }
}
