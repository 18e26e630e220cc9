package dev.appoptics.metrics;

import static dev.appoptics.metrics.Compose.divide;
import static dev.appoptics.metrics.Compose.mean;
import static dev.appoptics.metrics.Compose.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Composite queries through the client against the emulator. Data at resolution 60 from B:
 * temperature{city=sf} B:10 B+60:20; temperature{city=la} B:30 B+120:50; humidity{city=sf} B:2 B+60:0.
 */
class CompositeRoundTripTest {
  static final long NOW = 1_700_000_000L;
  static final long B = 1_699_999_200L;
  static final MeasurementQuery WINDOW = MeasurementQuery.builder().startTime(B).endTime(B + 179).resolution(60)
      .build();

  static AppOpticsEmulator emulator;
  static AppOptics client;

  @BeforeAll
  static void start() {
    emulator = AppOpticsEmulator.builder().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).start();
    client = AppOptics.builder().token("token").baseUri(emulator.baseUri()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void data() {
    emulator.clear();
    client.submit(List.of(
        m("temperature", "sf", B, 10), m("temperature", "sf", B + 60, 20),
        m("temperature", "la", B, 30), m("temperature", "la", B + 120, 50),
        m("humidity", "sf", B, 2), m("humidity", "sf", B + 60, 0)));
  }

  private static Measurement m(String name, String city, long time, double value) {
    return Measurement.builder(name).value(value).tag("city", city).time(time).build();
  }

  @Test
  void builtExpressionEvaluatesOnTheEmulator() {
    CompositeResult r = client.getComposite(mean(s("temperature", "*")), WINDOW);

    assertThat(r.compose()).isEqualTo("mean(s(\"temperature\", \"*\"))");
    assertThat(r.resolution()).isEqualTo(60);
    assertThat(r.series()).singleElement().satisfies(series -> {
      assertThat(series.points()).extracting(Point::time).containsExactly(B, B + 60, B + 120);
      assertThat(series.points()).extracting(Point::value).containsExactly(20.0, 20.0, 50.0);
      assertThat(series.queryMetric()).isEqualTo("temperature");
      assertThat(series.metric()).map(Metric::name).contains("temperature");
      assertThat(series.period()).hasValue(60);
    });
  }

  @Test
  void textExpressionWithTagsAndDivisionByZero() {
    CompositeResult r = client.getCompositeTagged(
        "divide([s(\"temperature\", {city: \"sf\"}), s(\"humidity\", {city: \"sf\"})])", WINDOW);

    assertThat(r.series()).singleElement().satisfies(series -> {
      assertThat(series.tags()).isEqualTo(Map.of("city", "sf"));
      assertThat(series.points()).extracting(Point::value).containsExactly(5.0);
    });
    assertThat(client.getComposite(divide(s("temperature", Map.of("city", "sf")), s("nothing")), WINDOW).series())
        .isEmpty();
  }

  @Test
  void durationOnlyWindowsAreSentWithAStartTime() {
    CompositeResult r = client.getComposite(Compose.sum(s("temperature", "*")),
        MeasurementQuery.builder().duration(Duration.ofSeconds(800)).endTime(NOW).resolution(60).build());
    assertThat(r.series()).singleElement().satisfies(series ->
        assertThat(series.points()).extracting(Point::value).containsExactly(40.0, 20.0, 50.0));
  }

  @Test
  void invalidExpressionsFailLocallyNamingComposeAndPosition() {
    assertThatThrownBy(() -> client.getComposite("sum(s(\"temperature\" \"*\"))", WINDOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("compose");
          assertThat(e.getMessage()).contains("offset 20");
        });
    assertThatThrownBy(() -> client.getComposite("scale(s(\"a\", \"*\"), {factor: \"x\"})", WINDOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
            .contains("scale(): option 'factor'"));
    assertThatThrownBy(() -> client.getComposite(s("temperature"),
        MeasurementQuery.builder().startTime(B).resolution(60).tag("city", "sf").build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
  }

  @Test
  void deeplyNestedExpressionsFailLocallyWithThePositionNotAStackOverflow() {
    String deep = "sum(".repeat(2_000) + "s(\"temperature\", \"*\")" + ")".repeat(2_000);

    assertThatThrownBy(() -> client.getComposite(deep, WINDOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("compose");
          assertThat(e.errorMessage()).startsWith(
              "compose: expected nesting at most 100 levels deep but found level 101 at line 1, column 401");
        });
    assertThatThrownBy(() -> client.createComposite("too.deep", deep))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("composite"));
  }

  @Test
  void savedCompositeIsEvaluatedWhenReadByName() {
    Metric saved = client.createComposite("temperature.total", Compose.sum(s("temperature", "*")));
    assertThat(saved.type()).isEqualTo(Metric.COMPOSITE);
    assertThat(saved.composite()).contains("sum(s(\"temperature\", \"*\"))");
    assertThat(client.getMetric("temperature.total").composite()).contains("sum(s(\"temperature\", \"*\"))");

    MeasurementResult r = client.getMeasurements("temperature.total", WINDOW);

    assertThat(r.series()).singleElement().satisfies(series ->
        assertThat(series.points()).extracting(Point::value).containsExactly(40.0, 20.0, 50.0));
  }

  @Test
  void savedCompositeWithDescriptionAndLocalCheck() {
    Metric saved = client.createComposite(Metric.builder("humidity.max").description("wettest city")
        .composite("max(s(\"humidity\", \"*\"))").build());
    assertThat(saved.description()).contains("wettest city");

    assertThatThrownBy(() -> client.createComposite("broken", "max(s(\"humidity\""))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("composite"));
    assertThatThrownBy(() -> client.createComposite(Metric.builder("gauge").build()))
        .isInstanceOf(InvalidInputException.class);
  }
}
