package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Measurement submit and query against the emulator over HTTP. */
class MeasurementsEmulatorTest {
  @RegisterExtension
  static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();

  private final AppOptics api = EMULATOR.connect();

  private static MeasurementQuery lastHour() {
    return MeasurementQuery.builder().duration(Duration.ofHours(1)).resolution(60).build();
  }

  @Test
  void submitThenReadBackAsTypedSeries() {
    long now = Instant.now().getEpochSecond();
    api.submit(Measurement.builder("cpu.temp").value(61.5).tag("host", "web1").time(now).build());
    api.submitMeasurement("cpu.temp", 70, Map.of("host", "web2"));

    MeasurementResult result = api.getMeasurements("cpu.temp", lastHour());
    assertThat(result.name()).isEqualTo("cpu.temp");
    assertThat(result.resolution()).isEqualTo(60);
    assertThat(result.series()).extracting(Series::tags)
        .containsExactlyInAnyOrder(Map.of("host", "web1"), Map.of("host", "web2"));
    Series web1 = result.find(Map.of("host", "web1")).orElseThrow();
    assertThat(web1.points()).singleElement().satisfies(p -> {
      assertThat(p.value()).isEqualTo(61.5);
      assertThat(p.time()).isEqualTo(now - now % 60);
    });
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isEqualTo(2);
  }

  @Test
  void tagFilterAndAlias() {
    api.submit(List.of(
        Measurement.of("req", 1, Map.of("region", "us-east")),
        Measurement.of("req", 2, Map.of("region", "eu-west"))));
    MeasurementResult result = api.getTagged("req",
        MeasurementQuery.builder().duration(3600).tag("region", "us-*").build());
    assertThat(result.series()).singleElement()
        .satisfies(s -> assertThat(s.tags()).containsEntry("region", "us-east"));
  }

  @Test
  void tagsSearchGroupByAndSummaryFunction() {
    api.submit(List.of(
        Measurement.of("lat", 10, Map.of("region", "us", "host", "a")),
        Measurement.of("lat", 30, Map.of("region", "us", "host", "b")),
        Measurement.of("lat", 99, Map.of("region", "eu", "host", "c"))));
    MeasurementResult grouped = api.getMeasurements("lat", MeasurementQuery.builder().duration(3600)
        .resolution(3600).tagsSearch("region=us").groupBy("region").groupByFunction("sum")
        .summaryFunction("max").build());
    assertThat(grouped.series()).singleElement().satisfies(s -> {
      assertThat(s.tags()).isEqualTo(Map.of("region", "us"));
      assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(40));
    });
  }

  @Test
  void startAndEndTime() {
    long now = Instant.now().getEpochSecond();
    api.submit(Measurement.builder("win").value(5).tag("h", "a").time(now - 120).build());
    MeasurementResult r = api.getMeasurements("win", MeasurementQuery.builder()
        .startTime(now - 600).endTime(now).resolution(1).build());
    assertThat(r.series()).singleElement().satisfies(s -> assertThat(s.points()).hasSize(1));
  }

  @Test
  void connectionTagsAndInheritance() {
    try (AppOptics tagged = AppOptics.builder().token("t").baseUri(EMULATOR.baseUri())
        .tags(Map.of("company", "acme", "service", "app")).build()) {
      tagged.submit("temperature", 80);                                          // connection tags only
      tagged.submit("temperature", 81, Map.of("city", "sf"));                    // only city
      tagged.submit("temperature", 82, Map.of("city", "ny", "service", "web"), true); // merged, measurement wins
    }
    assertThat(api.getMeasurements("temperature", lastHour()).series()).extracting(Series::tags)
        .containsExactlyInAnyOrder(
            Map.of("company", "acme", "service", "app"),
            Map.of("city", "sf"),
            Map.of("city", "ny", "company", "acme", "service", "web"));
  }

  @Test
  void sanitizerAppliesToSubmitAndQuery() {
    try (AppOptics sanitizing = AppOptics.builder().token("t").baseUri(EMULATOR.baseUri())
        .sanitizer(MetricNames::sanitize).build()) {
      sanitizing.submit("disk used%", 3, Map.of("h", "a"));
      assertThat(sanitizing.getMeasurements("disk used%", lastHour()).name()).isEqualTo("disk-used-");
    }
    assertThat(api.getMetric("disk-used-").name()).isEqualTo("disk-used-");
  }

  @Test
  void unknownMetricIsNotFound() {
    assertThatThrownBy(() -> api.getMeasurements("nope", lastHour()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("[404] GET /v1/measurements/nope");
  }

  @Test
  void invalidInputIsRefusedBeforeSending() {
    long before = EMULATOR.emulator().stats().requests();
    assertThatThrownBy(() -> api.submit("cpu", 1, Map.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
    assertThatThrownBy(() -> api.submit("cpu", Double.NaN, Map.of("h", "a")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("value");
          assertThat(e.value()).isEqualTo("NaN");
          assertThat(e.status()).isZero();
        });
    assertThatThrownBy(() -> api.submit("bad name", 1, Map.of("h", "a")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("name");
          assertThat(e.value()).isEqualTo("\"bad name\"");
        });
    assertThatThrownBy(() -> api.submit("cpu", 1, Map.of("bad tag!", "a")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad tag!");
    assertThatThrownBy(() -> api.submit("cpu", 1, Map.of("h", "semi;colon")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tags.h");
    Map<String, String> tooMany = new java.util.HashMap<>();
    for (int i = 0; i < 51; i++) {
      tooMany.put("t" + i, "v");
    }
    assertThatThrownBy(() -> api.submit("cpu", 1, tooMany)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MeasurementQuery.builder().startTime(100).endTime(200).duration(50).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duration"));
    assertThatThrownBy(() -> MeasurementQuery.builder().resolution(60).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("start time or a duration");
    assertThatThrownBy(() -> MeasurementQuery.builder().duration(60).tag("a", "b").tagsSearch("a=b").build())
        .isInstanceOf(InvalidInputException.class);
    assertThat(EMULATOR.emulator().stats().requests()).isEqualTo(before);
  }

  @Test
  void serverSideValidationErrorsAreParsed() {
    long tooOld = Instant.now().minus(Duration.ofDays(30)).getEpochSecond();
    assertThatThrownBy(() -> api.submit(Measurement.builder("cpu").value(1).tag("h", "a").time(tooOld).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.path()).isEqualTo("/v1/measurements");
          assertThat(e.errors()).isNotEmpty().allSatisfy(m -> assertThat(m).contains("time"));
        });
  }
}
