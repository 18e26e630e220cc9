package dev.appoptics.composite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {

  @Test
  void seriesCarryQueryMetricAndPeriod() {
    TestSource source = EvaluatorTest.source();
    List<Series> result = Composite.compile("s(\"c*\", {host: \"a*\"}, {period: \"120\", function: \"sum\"})")
        .evaluate(source, EvaluatorTest.RANGE);
    assertThat(result).extracting(s -> s.query().metric()).containsExactly("counter", "cpu");
    assertThat(result.get(1).query().tags()).isEqualTo(Map.of("host", "a*"));
    assertThat(result.get(1).metric().orElseThrow().name()).isEqualTo("cpu");
    assertThat(result.get(1).period()).isEqualTo(120);
    assertThat(result.get(1).points()).containsExactly(new Point(0, 3), new Point(120, 7));
    assertThat(source.requests).singleElement().satisfies(r -> {
      assertThat(r.function()).isEqualTo("sum");
      assertThat(r.step()).isEqualTo(120);
      assertThat(r.start()).isEqualTo(0);
      assertThat(r.end()).isEqualTo(300);
    });
  }

  @Test
  void aggregatesKeepSharedTagsAndSingleMetric() {
    List<Series> sum = Composite.compile("sum(s(\"disk\", {host: \"a\"}))").evaluate(EvaluatorTest.source(),
        EvaluatorTest.RANGE);
    assertThat(sum).singleElement().satisfies(s -> {
      assertThat(s.tags()).isEqualTo(Map.of("host", "a"));
      assertThat(s.metric().orElseThrow().name()).isEqualTo("disk");
      assertThat(s.query().metric()).isEqualTo("disk");
    });
    List<Series> mixed = Composite.compile("divide([s(\"cpu\", {host: \"a\"}), s(\"mem\", \"*\")])")
        .evaluate(EvaluatorTest.source(), EvaluatorTest.RANGE);
    assertThat(mixed).singleElement().satisfies(s -> assertThat(s.metric()).isEmpty());
  }

  @Test
  void groupByRestrictsEverySelectionToTheGroup() {
    TestSource source = EvaluatorTest.source();
    Composite.compile("group_by(\"host\", sum(s(\"disk\", \"*\")))").evaluate(source, EvaluatorTest.RANGE);
    assertThat(source.requests).extracting(SeriesRequest::tagPatterns)
        .containsExactly(Map.of(), Map.of("host", "a"), Map.of("host", "b"));
  }

  @Test
  void textIsCanonical() {
    Composite c = Composite.compile("sum( s('cpu','*') )");
    assertThat(c.text()).isEqualTo("sum(s(\"cpu\", \"*\"))");
    assertThat(c).hasToString(c.text());
    assertThat(Composite.functions()).contains("series", "s", "divide", "group_by", "timeshift", "window");
  }
}
