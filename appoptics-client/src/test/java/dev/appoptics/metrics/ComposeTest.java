package dev.appoptics.metrics;

import static dev.appoptics.metrics.Compose.divide;
import static dev.appoptics.metrics.Compose.mean;
import static dev.appoptics.metrics.Compose.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.composite.Composite;
import dev.appoptics.composite.CompositeEvaluationException;
import dev.appoptics.composite.CompositeSyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeTest {

  @Test
  void rendersTheDocumentedExample() {
    assertThat(mean(s("temperature", "*").function("mean").period(3600)))
        .hasToString("mean(s(\"temperature\", \"*\", {function: \"mean\", period: \"3600\"}))");
  }

  @Test
  void rendersEveryFunctionAsTextTheLanguageAccepts() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("region", "us-*");
    tags.put("host", "web\"1");
    Compose cpu = s("cpu", tags);
    Compose mem = s("mem").function("max");
    List<Compose> all = List.of(
        Compose.sum(cpu), Compose.sum(cpu, mem), Compose.min(cpu), Compose.max(cpu), Compose.count(cpu),
        Compose.add(cpu, mem), Compose.multiply(cpu, mem), Compose.subtract(cpu, mem), divide(cpu, mem),
        Compose.scale(cpu, 0.5), Compose.scale(cpu, "1/1024"), Compose.derive(cpu), Compose.derive(cpu, true),
        Compose.rate(cpu), Compose.integrate(cpu), Compose.abs(cpu), Compose.window(cpu, 5),
        Compose.window(cpu, 5, "median"), Compose.movingAverage(cpu, 3), Compose.fill(cpu, 1.5),
        Compose.zeroFill(cpu), Compose.lastFill(cpu), Compose.top(cpu, 3), Compose.top(cpu, 3, "max"),
        Compose.bottom(cpu, 2), Compose.bottom(cpu, 2, "sum"), Compose.filter(cpu).gt(1).lte(10.25).function("max"),
        Compose.timeshift("1,7d", cpu), Compose.groupBy("region", Compose.sum(cpu)),
        Compose.groupBy(List.of("region", "host"), cpu), Compose.set(cpu, Compose.set(mem)),
        Compose.series("cpu", Map.of()), s("cpu", "%"));
    for (Compose c : all) {
      assertThat(Composite.compile(c.toString()).text()).as("%s", c).isEqualTo(c.toString());
      assertThat(Compose.parse(c.toString())).isEqualTo(c);
    }
    assertThat(divide(cpu, mem)).hasToString(
        "divide([s(\"cpu\", {region: \"us-*\", host: \"web\\\"1\"}), s(\"mem\", \"*\", {function: \"max\"})])");
    assertThat(Compose.filter(cpu).gt(1).lte(10.25)).hasToString(
        "filter(s(\"cpu\", {region: \"us-*\", host: \"web\\\"1\"}), {gt: \"1\", lte: \"10.25\"})");
    assertThat(Compose.scale(s("m"), 1024.0)).hasToString("scale(s(\"m\", \"*\"), {factor: \"1024\"})");
  }

  @Test
  void parseReportsPositionsAndMisuse() {
    assertThatThrownBy(() -> Compose.parse("sum(s(\"a\", \"*\")"))
        .isInstanceOfSatisfying(CompositeSyntaxException.class, e -> assertThat(e.position()).isEqualTo(15));
    assertThatThrownBy(() -> Compose.validate("window(s(\"a\", \"*\"), {size: \"100\"})"))
        .isInstanceOfSatisfying(CompositeEvaluationException.class, e -> {
          assertThat(e.function()).isEqualTo("window");
          assertThat(e.argument()).isEqualTo("option 'size'");
        });
    assertThat(Compose.validate("sum( s('a','*') )")).isEqualTo("sum(s(\"a\", \"*\"))");
  }

  @Test
  void builderRefusesBadArgumentsEarly() {
    assertThatThrownBy(() -> s("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric");
    assertThatThrownBy(() -> s("a", "web*")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web*");
    assertThatThrownBy(() -> s("a").function("median")).hasMessageContaining("median");
    assertThatThrownBy(() -> s("a").period(0)).hasMessageContaining("period");
    assertThatThrownBy(() -> Compose.sum()).hasMessageContaining("sum needs at least one set");
    assertThatThrownBy(() -> Compose.fill(s("a"), Double.NaN)).hasMessageContaining("finite");
  }
}
