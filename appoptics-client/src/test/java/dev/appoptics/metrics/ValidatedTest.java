package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatedTest {
  @Test
  void equalTagSetsShareOneImmutableInstance() {
    Map<String, String> a = Validated.tags(new HashMap<>(Map.of("host", "web1", "az", "a")));
    Map<String, String> b = Validated.tags(Map.of("az", "a", "host", "web1"));
    assertThat(b).isSameAs(a).isEqualTo(Map.of("host", "web1", "az", "a"));
    assertThatThrownBy(() -> a.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void invalidInputFailsEveryTimeWithTheFieldNamed() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Validated.tags(Map.of("host", "bad|value")))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("tags.host").hasMessageContaining("bad|value");
      assertThatThrownBy(() -> Validated.metricName("bad name")).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bad name");
    }
    assertThatThrownBy(() -> Validated.tags(Map.of())).hasMessageContaining("at least one tag");
  }

  @Test
  void tagValuesThatNeverRepeatCannotGrowTheCache() {
    for (int i = 0; i < 3 * Validated.MAX_CACHED; i++) {
      assertThat(Validated.tags(Map.of("request", "r" + i))).containsEntry("request", "r" + i);
      assertThat(Validated.metricName("m" + i)).isEqualTo("m" + i);
      assertThat(Validated.cachedTagSets()).isLessThanOrEqualTo(Validated.MAX_CACHED);
    }
    assertThatThrownBy(() -> Validated.tags(Map.of("request", "r|x"))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void queuedMeasurementsShareTheirTagSet() {
    try (AppOptics api = AppOptics.builder().token("t").baseUri("http://127.0.0.1:9/v1/").build()) {
      Queue q = api.newQueue();
      q.add("cpu", 1, Map.of("host", "a"));
      q.add("mem", 2, new HashMap<>(Map.of("host", "a")));
      assertThat(q.measurements().get(1).tags()).isSameAs(q.measurements().get(0).tags());
    }
  }
}
