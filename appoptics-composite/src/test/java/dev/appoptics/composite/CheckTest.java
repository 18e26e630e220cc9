package dev.appoptics.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calls that parse but cannot work are refused before any data is read, naming the function and argument. */
class CheckTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      foo(s("a", "*"))                           | foo      | ``               | 0  | is not a known function
      divide(s("a", "*"), s("b", "*"))           | divide   | ``               | 0  | takes 1 argument(s) (set), got 2
      scale(s("a", "*"))                         | scale    | ``               | 0  | takes 2 argument(s) (set, {options}), got 1
      s()                                        | s        | ``               | 0  | takes 1 to 3 argument(s)
      sum("cpu")                                 | sum      | argument 1       | 4  | must be a set of series
      sum([s("a", "*"), 3])                      | sum      | argument 1       | 18 | must be a set of series (a function call or [...]), got 3
      scale(s("a", "*"), {factor: "x"})          | scale    | option 'factor'  | 28 | must be a number or a fraction like "1/1024", got "x"
      scale(s("a", "*"), {factor: "1/0"})        | scale    | option 'factor'  | 28 | has a zero denominator
      scale(s("a", "*"), "2")                    | scale    | argument 2       | 19 | must be an options map
      window(s("a", "*"), {size: "65"})          | window   | option 'size'    | 27 | must be between 1 and 64, got 65
      window(s("a", "*"), {size: "x"})           | window   | option 'size'    | 27 | must be a whole number
      window(s("a", "*"), {bogus: "1"})          | window   | option 'bogus'   | 28 | is not supported
      window(s("a", "*"), {function: "avg"})     | window   | option 'function'| 31 | must be one of [max, mean, median, min, sum], got "avg"
      moving_average(s("a", "*"), {function: "sum"}) | moving_average | option 'function' | 39 | is not supported
      s("a", "web*")                             | s        | argument 2       | 7  | must be a tag map
      s("", "*")                                 | s        | argument 1       | 2  | must name a metric
      s(1, "*")                                  | s        | argument 1       | 2  | must be a string, got 1
      s("a", {host: ["x"]})                      | s        | argument 2 tag 'host' | 14 | must be a string pattern
      s("a", "*", {function: "median"})          | s        | option 'function'| 23 | must be one of [count, max, mean, min, sum]
      s("a", "*", {period: "0"})                 | s        | option 'period'  | 21 | must be between 1 and 604800, got 0
      timeshift("1", s("a", "*"))                | timeshift| argument 1       | 10 | needs a unit
      timeshift("1x", s("a", "*"))               | timeshift| argument 1       | 10 | must be a comma list of shifts
      timeshift(s("a", "*"), "1d")               | timeshift| argument 1       | 10 | must be a string
      group_by(" , ", s("a", "*"))               | group_by | argument 1       | 9  | must list tag names
      top(s("a", "*"), {function: "max"})        | top      | option 'count'   | 0  | is required
      top(s("a", "*"), {count: "0"})             | top      | option 'count'   | 25 | must be between 1 and
      filter(s("a", "*"), {function: "max"})     | filter   | argument 2       | 20 | needs at least one of the bounds
      filter(s("a", "*"), {gt: "high"})          | filter   | option 'gt'      | 25 | must be a number, got "high"
      fill(s("a", "*"), {value: "x"})            | fill     | option 'value'   | 26 | must be a number, got "x"
      fill(s("a", "*"), {})                      | fill     | option 'value'   | 0  | is required
      derive(s("a", "*"), {detect_reset: "yes"}) | derive   | option 'detect_reset' | 35 | must be "true" or "false"
      [s("a", "*"), "b"]                         | composite| expression       | 14 | must be a set of series
      mean(sum(s("a", "*"), {x: "1"}))           | sum      | ``               | 5  | takes 1 argument(s)
      """)
  void namesFunctionAndArgument(String text, String function, String argument, int position, String problem) {
    CompositeEvaluationException e = catchThrowableOfType(CompositeEvaluationException.class,
        () -> Composite.compile(text));
    assertThat(e).as("no error for %s", text).isNotNull();
    assertThat(e.function()).isEqualTo(function);
    assertThat(e.argument()).isEqualTo(argument == null ? "" : argument);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e.getMessage()).startsWith(function + "(): ").contains(problem);
  }
}
