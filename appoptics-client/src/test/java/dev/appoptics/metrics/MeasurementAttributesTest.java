package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-measurement metric attributes: on the wire, applied by the write that creates the metric, ignored after. */
class MeasurementAttributesTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  private AppOptics api;

  @BeforeEach
  void connect() {
    api = AppOptics.builder().token("test-token").baseUri(EMULATOR.baseUri()).build();
  }

  @AfterEach
  void close() {
    api.close();
  }

  private static final MetricAttributes CELSIUS = MetricAttributes.builder()
      .displayUnitsShort("°C").summarizeFunction("max").displayMin(0).aggregate(false)
      .set("custom_list", List.of(1, "two")).build();

  @Test
  void writtenAsAnObjectNextToTheTags() {
    Measurement m = Measurement.builder("cpu.temp").value(1).tag("host", "a").attributes(CELSIUS).build();

    String json = new String(MeasurementJson.encode(List.of(m)), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"measurements\":[{\"name\":\"cpu.temp\",\"value\":1.0,\"tags\":{\"host\":\"a\"},"
        + "\"attributes\":{\"display_units_short\":\"°C\",\"summarize_function\":\"max\",\"display_min\":0.0,"
        + "\"aggregate\":false,\"custom_list\":[1,\"two\"]}}]}");
  }

  @Test
  void numbersJsonCannotCarryAreRefusedWhenSet() {
    MetricAttributes.Builder b = MetricAttributes.builder();
    assertThatThrownBy(() -> b.set("ratio", Double.NaN)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("attributes.ratio").hasMessageContaining("NaN");
    assertThatThrownBy(() -> b.set("limits", Map.of("upper", List.of(1.0, Double.POSITIVE_INFINITY))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("attributes.limits.upper[1]");
  }

  @Test
  void noAttributesNoField() {
    Measurement m = Measurement.of("cpu.temp", 1, Map.of("host", "a"));

    assertThat(m.attributes().isEmpty()).isTrue();
    assertThat(new String(MeasurementJson.encode(List.of(m)), StandardCharsets.UTF_8))
        .doesNotContain("attributes");
  }

  @Test
  void theFirstWriteCreatesTheMetricWithTheAttributes() {
    api.submit(Measurement.builder("cpu.temp").value(61.5).tag("host", "web1").period(60).attributes(CELSIUS).build());

    Metric metric = api.getMetric("cpu.temp");
    assertThat(metric.attributes().displayUnitsShort()).hasValue("°C");
    assertThat(metric.attributes().summarizeFunction()).hasValue("max");
    assertThat(metric.attributes().displayMin()).hasValue(0.0);
    assertThat(metric.attributes().aggregate()).hasValue(false);
    assertThat(metric.attributes().get("custom_list")).hasValue(List.of(1, "two"));
    assertThat(metric.period()).hasValue(60);
  }

  @Test
  void laterWritesKeepTheExistingAttributes() {
    api.submit(Measurement.builder("cpu.temp").value(61.5).tag("host", "web1").attributes(CELSIUS).build());

    api.submit(Measurement.builder("cpu.temp").value(62).tag("host", "web1")
        .attributes(MetricAttributes.builder().displayUnitsShort("°F").color("#ff0000").build()).build());

    MetricAttributes kept = api.getMetric("cpu.temp").attributes();
    assertThat(kept.displayUnitsShort()).hasValue("°C");
    assertThat(kept.color()).isEmpty();
    assertThat(kept.summarizeFunction()).hasValue("max");
  }

  @Test
  void survivesTagResolution() {
    Measurement m = Measurement.builder("q.temp").value(1).attributes(CELSIUS).build();
    AppOptics tagged = AppOptics.builder().token("test-token").baseUri(EMULATOR.baseUri())
        .tags(Map.of("host", "conn")).build();

    Measurement resolved = tagged.createTaggedPayload(m);
    tagged.submit(m);
    tagged.close();

    assertThat(resolved.attributes()).isEqualTo(CELSIUS);
    assertThat(resolved.toBuilder().build()).isEqualTo(resolved);
    assertThat(api.getMetric("q.temp").attributes().displayUnitsShort()).hasValue("°C");
  }

  @Test
  void nullAttributesAreRefusedByName() {
    assertThatThrownBy(() -> Measurement.builder("m").attributes(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("attributes"));
  }
}
