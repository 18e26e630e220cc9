package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of README.md's composites section, run against the emulator (only the base URI is added). */
class ReadmeCompositesExampleTest {

  @Test
  void readmeExampleRuns() {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.start();
        AppOptics api = AppOptics.builder().token("readme-token").baseUri(emulator.baseUri()).build()) {
      long now = System.currentTimeMillis() / 1000;
      api.submit(List.of(
          Measurement.builder("temperature").value(20).tag("city", "sf").time(now).build(),
          Measurement.builder("temperature").value(22).tag("city", "la").time(now).build()));
      List<Double> printed = new ArrayList<>();

      // ---- as in README.md ----
      Compose avgTemperature = Compose.mean(Compose.s("temperature", "*").function("mean").period(3600));
      // renders as: mean(s("temperature", "*", {function: "mean", period: "3600"}))

      CompositeResult result = api.getComposite(avgTemperature, MeasurementQuery.last(Duration.ofHours(8), 3600));
      for (CompositeSeries series : result.series()) {
        series.points().forEach(p -> System.out.println(p.time() + " " + p.value()));
        series.points().forEach(p -> printed.add(p.value())); // (not in the README)
      }

      api.createComposite("temperature.average", avgTemperature);   // a saved composite metric
      MeasurementResult saved = api.getMeasurements("temperature.average",
          MeasurementQuery.last(Duration.ofHours(8), 3600));           // evaluated when read by name

      Compose ratio = Compose.parse("divide([s(\"errors\", \"*\"), s(\"requests\", \"*\")])"); // text, checked
      // ---- end of the README example ----

      assertThat(avgTemperature).hasToString(
          "mean(s(\"temperature\", \"*\", {function: \"mean\", period: \"3600\"}))");
      assertThat(printed).containsExactly(21.0);
      assertThat(saved.series()).singleElement().satisfies(s ->
          assertThat(s.points()).extracting(Point::value).containsExactly(21.0));
      assertThat(ratio).hasToString("divide([s(\"errors\", \"*\"), s(\"requests\", \"*\")])");
    }
  }
}
