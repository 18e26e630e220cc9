package dev.appoptics.composite;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expressions over a fixed data set, with expected series computed by hand. Each expected value reads
 * {@code {tags} time:value ...}, series separated by {@code |}; an empty expectation means an empty result.
 * Window: 0 <= t < 300 at resolution 60.
 *
 * <pre>
 * cpu{host=a}      0:1   60:2   120:3  180:4
 * cpu{host=b}      0:10         120:30        240:50     (gaps, timestamps not matching host a)
 * mem{host=a}      0:100 60:0   120:50                   (a zero to divide by)
 * counter{host=a}  0:0   60:60  120:30 180:150           (a counter reset at 120)
 * disk{dev=x,host=a} 0:1, disk{dev=y,host=a} 0:2, disk{dev=x,host=b} 0:5
 * temp{city=sf}    raw 0:1 30:3 60:5 90:7  and 400:99 outside the window
 * </pre>
 */
class EvaluatorTest {
  static final TimeRange RANGE = new TimeRange(0, 300, 60);

  static TestSource source() {
    return new TestSource()
        .add("cpu", Map.of("host", "a"), 0, 1, 60, 2, 120, 3, 180, 4)
        .add("cpu", Map.of("host", "b"), 0, 10, 120, 30, 240, 50)
        .add("mem", Map.of("host", "a"), 0, 100, 60, 0, 120, 50)
        .add("counter", Map.of("host", "a"), 0, 0, 60, 60, 120, 30, 180, 150)
        .add("disk", Map.of("host", "a", "dev", "x"), 0, 1)
        .add("disk", Map.of("host", "a", "dev", "y"), 0, 2)
        .add("disk", Map.of("host", "b", "dev", "x"), 0, 5)
        .add("temp", Map.of("city", "sf"), 0, 1, 30, 3, 60, 5, 90, 7, 400, 99);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
      s("cpu", "*")                                  ; {host=a} 0:1 60:2 120:3 180:4 | {host=b} 0:10 120:30 240:50
      series("cpu", {host: "b"})                      ; {host=b} 0:10 120:30 240:50
      s("cpu", {host: "!a"})                          ; {host=b} 0:10 120:30 240:50
      s("cpu", {host: "c*"})                          ; ``
      s("c*", {host: "a"})                            ; {host=a} 0:0 60:60 120:30 180:150 | {host=a} 0:1 60:2 120:3 180:4
      s("nothing", "*")                               ; ``
      sum(s("cpu", "*"))                              ; {} 0:11 60:2 120:33 180:4 240:50
      mean(s("cpu", "*"))                             ; {} 0:5.5 60:2 120:16.5 180:4 240:50
      min(s("cpu", "*"))                              ; {} 0:1 60:2 120:3 180:4 240:50
      max(s("cpu", "*"))                              ; {} 0:10 60:2 120:30 180:4 240:50
      count(s("cpu", "*"))                            ; {} 0:2 60:1 120:2 180:1 240:1
      sum(s("nothing", "*"))                          ; ``
      sum([s("cpu", {host: "a"}), [s("cpu", {host: "b"})]]) ; {} 0:11 60:2 120:33 180:4 240:50
      mean([s("cpu", {host: "a"}), s("mem", "*")])    ; {host=a} 0:50.5 60:1 120:26.5 180:4
      add(s("cpu", "*"))                              ; {} 0:11 120:33
      multiply(s("cpu", "*"))                         ; {} 0:10 120:90
      subtract(s("cpu", "*"))                         ; {} 0:-9 120:-27
      subtract(s("cpu", {host: "a"}))                 ; ``
      divide(s("cpu", "*"))                           ; {} 0:0.1 120:0.1
      divide([s("cpu", {host: "a"}), s("mem", "*")])  ; {host=a} 0:0.01 120:0.06
      divide([s("cpu", "*"), s("mem", "*")])          ; ``
      divide([s("cpu", "*"), s("nothing", "*")])      ; {} 0:0.1 120:0.1
      scale(s("cpu", {host: "a"}), {factor: "1/2"})   ; {host=a} 0:0.5 60:1 120:1.5 180:2
      scale(s("cpu", {host: "b"}), {factor: "-0.1"})  ; {host=b} 0:-1 120:-3 240:-5
      derive(s("counter", "*"))                       ; {host=a} 60:1 120:-0.5 180:2
      derive(s("counter", "*"), {detect_reset: "true"}) ; {host=a} 60:1 180:2
      derive(s("cpu", {host: "b"}))                   ; {host=b} 120:0.166667 240:0.166667
      rate(s("counter", "*"))                         ; {host=a} 0:0 60:1 120:0.5 180:2.5
      integrate(s("cpu", {host: "b"}))                ; {host=b} 0:10 120:40 240:90
      abs(subtract(s("cpu", "*")))                    ; {} 0:9 120:27
      window(s("cpu", {host: "a"}), {size: "2", function: "sum"}) ; {host=a} 60:3 120:5 180:7
      window(s("cpu", {host: "b"}), {size: "3", function: "median"}) ; {host=b} 240:30
      window(s("cpu", {host: "b"}))                   ; {host=b} 0:10 120:30 240:50
      window(s("cpu", {host: "b"}), {size: "4"})      ; {host=b}
      moving_average(s("cpu", {host: "a"}), {size: "3"}) ; {host=a} 120:2 180:3
      zero_fill(s("cpu", {host: "b"}))                ; {host=b} 0:10 60:0 120:30 180:0 240:50
      last_fill(s("cpu", {host: "b"}))                ; {host=b} 0:10 60:10 120:30 180:30 240:50
      fill(s("cpu", {host: "a"}), {value: "7"})       ; {host=a} 0:1 60:2 120:3 180:4 240:7
      fill(s("cpu", {host: "b"}), {value: "last"})    ; {host=b} 0:10 60:10 120:30 180:30 240:50
      sum(zero_fill(s("cpu", "*")))                   ; {} 0:11 60:2 120:33 180:4 240:50
      add(zero_fill(s("cpu", "*")))                   ; {} 0:11 60:2 120:33 180:4 240:50
      filter(s("cpu", "*"), {gt: "5"})                ; {host=b} 0:10 120:30 240:50
      filter(s("cpu", "*"), {lte: "2.5"})             ; {host=a} 0:1 60:2 120:3 180:4
      filter(s("cpu", "*"), {function: "max", gte: "4", lt: "50"}) ; {host=a} 0:1 60:2 120:3 180:4
      filter(s("nothing", "*"), {gt: "0"})            ; ``
      top(s("cpu", "*"), {count: "1"})                ; {host=b} 0:10 120:30 240:50
      top(s("cpu", "*"), {count: "5"})                ; {host=b} 0:10 120:30 240:50 | {host=a} 0:1 60:2 120:3 180:4
      bottom(s("cpu", "*"), {count: "1", function: "max"}) ; {host=a} 0:1 60:2 120:3 180:4
      timeshift("1m", s("cpu", {host: "a"}))          ; {host=a} 60:1 120:2 180:3 240:4
      timeshift("2m", s("cpu", {host: "b"}))          ; {host=b} 120:10 240:30
      timeshift("0,1m", s("mem", "*"))                ; {host=a} 0:100 60:0 120:50 | {host=a} 60:100 120:0 180:50
      timeshift("+1m", s("cpu", {host: "a"}))         ; {host=a} 0:2 60:3 120:4
      group_by("host", sum(s("disk", "*")))           ; {host=a} 0:3 | {dev=x,host=b} 0:5
      groupby("host", divide([s("disk", {dev: "x"}), s("disk", {dev: "y"})])) ; {host=a} 0:0.5
      group_by("dev,host", s("disk", "*"))            ; {dev=x,host=a} 0:1 | {dev=x,host=b} 0:5 | {dev=y,host=a} 0:2
      group_by("zone", sum(s("disk", "*")))           ; ``
      group_by("host", group_by("dev", s("disk", "*"))) ; {dev=x,host=a} 0:1 | {dev=y,host=a} 0:2 | {dev=x,host=b} 0:5
      group_by("host", timeshift("0,1m", sum(s("mem", "*")))) ; {host=a} 0:100 60:0 120:50 | {host=a} 60:100 120:0 180:50
      s("temp", "*", {period: "120", function: "sum"}) ; {city=sf} 0:16
      s("temp", "*", {period: "120"})                 ; {city=sf} 0:4
      s("temp", "*", {function: "max"})               ; {city=sf} 0:3 60:7
      s("temp", "*", {function: "count"})             ; {city=sf} 0:2 60:2
      mean(s("temperature", "*", {function: "mean", period: "3600"})) ; ``
      """)
  void evaluates(String expression, String expected) {
    List<Series> result = Composite.compile(expression).evaluate(source(), RANGE);
    assertThat(render(result)).isEqualTo(expected == null ? "" : expected);
  }

  static String render(List<Series> series) {
    return series.stream().map(s -> s.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"))
        + s.points().stream().map(p -> " " + p.time() + ":" + number(p.value())).collect(Collectors.joining()))
        .collect(Collectors.joining(" | "));
  }

  private static String number(double v) {
    return new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
