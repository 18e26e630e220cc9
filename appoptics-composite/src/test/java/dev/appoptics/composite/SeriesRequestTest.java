package dev.appoptics.composite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesRequestTest {

  private static SeriesRequest request(String metric, Map<String, String> tags) {
    return new SeriesRequest(metric, tags, "mean", 60, 0, 600);
  }

  @Test
  void metricPatternsUseWildcardsAndIgnoreCase() {
    assertThat(request("cpu.*", Map.of()).matchesMetric("CPU.user")).isTrue();
    assertThat(request("*.user", Map.of()).matchesMetric("cpu.user")).isTrue();
    assertThat(request("c*u*r", Map.of()).matchesMetric("cpu.user")).isTrue();
    assertThat(request("cpu", Map.of()).matchesMetric("cpu.user")).isFalse();
    assertThat(request("*", Map.of()).matchesMetric("")).isTrue();
  }

  @Test
  void everyTagPatternMustMatch() {
    SeriesRequest r = request("m", Map.of("host", "web*", "region", "!eu*"));
    assertThat(r.matchesTags(Map.of("host", "WEB1", "region", "us"))).isTrue();
    assertThat(r.matchesTags(Map.of("host", "web1", "region", "eu-west"))).isFalse();
    assertThat(r.matchesTags(Map.of("host", "web1"))).as("negation still needs the tag").isFalse();
    assertThat(r.matchesTags(Map.of("host", "db1", "region", "us"))).isFalse();
    assertThat(request("m", Map.of("Host", "a")).matchesTags(Map.of("host", "a"))).isTrue();
    assertThat(request("m", Map.of()).matchesTags(Map.of())).isTrue();
  }

  @Test
  void bucketsFloorToTheStep() {
    SeriesRequest r = request("m", Map.of());
    assertThat(r.bucket(119)).isEqualTo(60);
    assertThat(r.bucket(120)).isEqualTo(120);
    assertThat(r.bucket(-1)).isEqualTo(-60);
  }
}
