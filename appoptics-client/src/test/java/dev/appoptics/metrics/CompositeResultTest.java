package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both answer shapes of a composite query are read: the object form and a bare array of series. */
class CompositeResultTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheObjectShape() throws Exception {
    CompositeResult r = CompositeResult.fromJson(JSON.readTree("{\"compose\":\"s(\\\"t\\\", \\\"*\\\")\","
        + "\"resolution\":60,\"series\":[{\"tags\":{\"city\":\"sf\"},\"measurements\":[{\"time\":60,\"value\":42.0}],"
        + "\"metric\":{\"name\":\"t\",\"type\":\"gauge\",\"attributes\":{},\"period\":60},"
        + "\"query\":{\"metric\":\"t\",\"tags\":{}},\"period\":60}]}"), "sent", 1);

    assertThat(r.compose()).isEqualTo("s(\"t\", \"*\")");
    assertThat(r.resolution()).isEqualTo(60);
    CompositeSeries s = r.find(Map.of("city", "sf")).orElseThrow();
    assertThat(s.points()).extracting(Point::value).containsExactly(42.0);
    assertThat(s.metric().map(Metric::type)).contains("gauge");
    assertThat(s.queryMetric()).isEqualTo("t");
    assertThat(s.queryTags()).isEmpty();
    assertThat(s.period()).hasValue(60);
  }

  @Test
  void readsTheBareArrayShape() throws Exception {
    CompositeResult r = CompositeResult.fromJson(JSON.readTree("[{\"tags\":{\"host\":\"a\"},"
        + "\"measurements\":[{\"time\":0,\"value\":1},{\"time\":60,\"value\":2}],"
        + "\"metric\":{\"name\":\"cpu\",\"type\":\"gauge\",\"attributes\":{}}}]"), "sum(s(\"cpu\", \"*\"))", 60);

    assertThat(r.compose()).isEqualTo("sum(s(\"cpu\", \"*\"))");
    assertThat(r.resolution()).isEqualTo(60);
    assertThat(r.series()).singleElement().satisfies(s -> {
      assertThat(s.tags()).isEqualTo(Map.of("host", "a"));
      assertThat(s.points()).extracting(Point::time).containsExactly(0L, 60L);
      assertThat(s.queryMetric()).isEqualTo("cpu");
      assertThat(s.period()).isEmpty();
    });
  }
}
