package dev.appoptics.emulator.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void declaresEachFamilyOnceAndEscapesLabelValues() {
    PrometheusText out = new PrometheusText();
    out.family("requests_total", "counter", "Requests answered.");
    out.sample("requests_total", 3, "route", "/v1/\"x\"", "status", "202");
    out.family("requests_total", "counter", "Requests answered.");
    out.sample("requests_total", 1.5, "route", "a\\b\nc", "status", "400");
    out.single("up", "gauge", "Whether it serves.", 1);

    assertThat(out.toString())
        .isEqualTo(
            "# HELP requests_total Requests answered.\n"
                + "# TYPE requests_total counter\n"
                + "requests_total{route=\"/v1/\\\"x\\\"\",status=\"202\"} 3\n"
                + "requests_total{route=\"a\\\\b\\nc\",status=\"400\"} 1.5\n"
                + "# HELP up Whether it serves.\n"
                + "# TYPE up gauge\n"
                + "up 1\n");
  }

  @Test
  void writesSpecialValuesAsTheFormatSpellsThem() {
    PrometheusText out = new PrometheusText();
    out.sample("a", Double.NaN).sample("b", Double.POSITIVE_INFINITY).sample("c", Double.NEGATIVE_INFINITY);
    assertThat(out.toString()).isEqualTo("a NaN\nb +Inf\nc -Inf\n");
  }

  @Test
  void refusesUnpairedLabels() {
    assertThatThrownBy(() -> new PrometheusText().sample("a", 1, "route"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 strings given");
  }
}
