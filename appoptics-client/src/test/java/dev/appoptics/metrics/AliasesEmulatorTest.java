package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Python-named aliases do what their targets do, over HTTP. */
class AliasesEmulatorTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  @Test
  void everyAliasReachesTheApi() {
    try (AppOptics api = AppOptics.builder().token("t").baseUri(EMULATOR.baseUri()).httpEngine(HttpEngine.JDK)
        .tags(Map.of("conn", "c")).build()) {
      api.submitMeasurement("a1", 1, Map.of("h", "x"));
      api.submitMeasurement("a2", 2, Map.of("h", "x"), true);
      api.submitMeasurement(Measurement.of("a3", 3, Map.of("h", "x")));
      api.submitTagged("a4", 4, Map.of("h", "x"));
      api.submitTagged(Measurement.of("a5", 5, Map.of("h", "x")));
      try (Queue q = api.newQueue(QueueOptions.builder().tags(Map.of("q", "1")).build())) {
        q.addTagged("a6", 6, Map.of("h", "x"));
        q.addTagged("a7", 7, Map.of("h", "x"), true);
        q.addTagged(Measurement.of("a8", 8, Map.of("h", "x")));
        q.addTags(Map.of("q2", "2"));
        assertThat(q.getTags()).isEqualTo(Map.of("q", "1", "q2", "2"));
      }
      assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isEqualTo(8);

      MeasurementQuery hour = MeasurementQuery.last(Duration.ofHours(1), 60);
      assertThat(api.getTagged("a2", hour).series().get(0).tags()).isEqualTo(Map.of("conn", "c", "h", "x"));
      assertThat(api.getTagged("a7", hour).series().get(0).tags()).isEqualTo(Map.of("conn", "c", "q", "1", "h", "x"));

      assertThat(api.create(Metric.builder("b1").period(30).build()).period()).hasValue(30);
      api.update(Metric.builder("b1").description("d").build());
      api.update("b1", MetricAttributes.builder().color("#52D74C").build());
      Metric b1 = api.get("b1");
      assertThat(b1.description()).contains("d");
      assertThat(b1.attributes().color()).contains("#52D74C");
      api.delete("b1");
      assertThatThrownBy(() -> api.get("b1")).isInstanceOf(NotFoundException.class);
      api.delete(List.of("a1", "a2"));
      assertThat(api.listAllMetrics().map(Metric::name)).containsExactly("a3", "a4", "a5", "a6", "a7", "a8");
    }
  }
}
