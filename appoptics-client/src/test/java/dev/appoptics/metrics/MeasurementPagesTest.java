package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import dev.appoptics.metrics.RecordingServer.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Long ranges split by the service into pages of at most 10 points: followed, merged, bounded, or read one by one. */
class MeasurementPagesTest {
  static final long NOW = 1_700_000_000L;
  static final long FIRST = NOW - 100;
  static final long LAST = FIRST + 34; // 35 seconds at resolution 1: pages of 10, 10, 10 and 5 points

  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create(b -> b
      .maxPointsPerAnswer(10)
      .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));

  static AppOptics api;

  @BeforeAll
  static void connect() {
    api = AppOptics.builder().token("test-token").baseUri(EMULATOR.baseUri()).build();
  }

  /** The extension empties the emulator before each test. */
  @BeforeEach
  void seed() {
    List<Measurement> batch = new ArrayList<>();
    for (long t = FIRST; t <= LAST; t++) {
      batch.add(Measurement.builder("paged").value(t - FIRST).tag("host", "a").time(t).build());
    }
    // host b only appears in the last page
    for (long t = LAST - 2; t <= LAST; t++) {
      batch.add(Measurement.builder("paged").value(100).tag("host", "b").time(t).build());
    }
    api.submit(batch);
  }

  @AfterAll
  static void close() {
    api.close();
  }

  private static MeasurementQuery.Builder range() {
    return MeasurementQuery.builder().startTime(FIRST).endTime(LAST).resolution(1);
  }

  private static List<Long> times(MeasurementResult r, String host) {
    return r.find(Map.of("host", host)).orElseThrow().points().stream().map(Point::time).toList();
  }

  @Test
  void followsEveryPageAndMergesSeriesByTags() {
    MeasurementResult result = api.getMeasurements("paged", range().build());

    assertThat(result.next()).isEmpty();
    assertThat(result.series()).hasSize(2);
    assertThat(times(result, "a")).containsExactlyElementsOf(LongStream.rangeClosed(FIRST, LAST).boxed().toList());
    assertThat(times(result, "b")).containsExactly(LAST - 2, LAST - 1, LAST);
    assertThat(result.find(Map.of("host", "a")).orElseThrow().points().get(34).value()).isEqualTo(34.0);
  }

  @Test
  void onePageAtATimeWhenAsked() {
    MeasurementResult first = api.getTagged("paged", range().followPages(false).build());
    assertThat(times(first, "a")).hasSize(10).startsWith(FIRST);
    assertThat(first.find(Map.of("host", "b")).map(s -> s.points().size()).orElse(0)).isZero();
    assertThat(first.next()).hasValueSatisfying(href -> assertThat(href).startsWith(EMULATOR.baseUri().toString()));

    int pages = 0;
    long points = 0;
    for (Optional<MeasurementResult> page = Optional.of(first); page.isPresent();
        page = api.nextMeasurements(page.get())) {
      pages++;
      points += page.get().series().stream().mapToLong(s -> s.points().size()).sum();
    }
    assertThat(pages).isEqualTo(4);
    assertThat(points).isEqualTo(35 + 3);
  }

  @Test
  void tooManyPagesFailsWithWhatWasReadAndWhereToContinue() {
    MeasurementQuery query = range().maxPages(2).build();

    assertThatThrownBy(() -> api.getMeasurements("paged", query))
        .isInstanceOfSatisfying(IncompleteResultException.class, e -> {
          assertThat(e).hasMessageContaining("more than 2 pages").hasMessageContaining("/v1/measurements/paged");
          MeasurementResult partial = e.partialResult();
          assertThat(times(partial, "a")).hasSize(20).endsWith(FIRST + 19);
          MeasurementResult third = api.nextMeasurements(partial).orElseThrow();
          assertThat(times(third, "a")).hasSize(10).startsWith(FIRST + 20);
        });
  }

  @Test
  void maxPagesMustBePositive() {
    assertThatThrownBy(() -> MeasurementQuery.builder().maxPages(0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("max_pages"));
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() throws Exception {
    try (RecordingServer service = new RecordingServer(); RecordingServer elsewhere = new RecordingServer()) {
      String foreign = elsewhere.baseUri() + "measurements/paged?start_time=2&end_time=3";
      service.respond(Reply.json(200, "{\"name\":\"paged\",\"resolution\":1,\"attributes\":{},"
          + "\"links\":[{\"rel\":\"next\",\"href\":\"" + foreign + "\"}],\"series\":[]}"));
      try (AppOptics client = AppOptics.builder().token("secret").baseUri(service.baseUri()).build()) {
        assertThatThrownBy(() -> client.getMeasurements("paged", range().build()))
            .isInstanceOfSatisfying(InvalidInputException.class, e -> {
              assertThat(e.field()).isEqualTo("link");
              assertThat(e).hasMessageContaining("not followed");
            });
      }
      assertThat(service.requests).hasSize(1);
      assertThat(elsewhere.requests).isEmpty();
    }
  }
}
