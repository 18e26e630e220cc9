package dev.appoptics.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nesting is bounded: deep text is a positioned syntax error, never a stack overflow. */
class NestingTest {

  private static String nestedSums(int depth) {
    return "sum(".repeat(depth - 1) + "s(\"a\", \"*\")" + ")".repeat(depth - 1);
  }

  @Test
  void twoThousandNestedCallsAreASyntaxErrorAtTheFirstLevelTooDeep() {
    String text = nestedSums(2_000);

    CompositeSyntaxException e = catchThrowableOfType(CompositeSyntaxException.class, () -> Composite.compile(text));

    assertThat(e).isNotNull();
    assertThat(e.position()).isEqualTo(4 * Parser.MAX_DEPTH);
    assertThat(e.expected()).isEqualTo("nesting at most 100 levels deep");
    assertThat(e.found()).isEqualTo("level 101");
    assertThat(e.summary()).isEqualTo(
        "expected nesting at most 100 levels deep but found level 101 at line 1, column 401 (offset 400)");
  }

  @Test
  void theMessageOfAHugeLineShowsOnlyTheTextAroundThePosition() {
    CompositeSyntaxException e =
        catchThrowableOfType(CompositeSyntaxException.class, () -> Composite.parse(nestedSums(2_000)));

    List<String> lines = e.getMessage().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).isEqualTo("  …" + "sum(".repeat(15) + "sum(sum(sum(sum(sum(sum(sum(sum(sum(sum(…");
    assertThat(lines.get(2).indexOf('^')).isEqualTo(2 + 1 + 60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{k: ", "sum(["})
  void setsAndMapsCountAsLevelsToo(String opening) {
    String text = "sum(" + opening.repeat(5_000);

    CompositeSyntaxException e = catchThrowableOfType(CompositeSyntaxException.class, () -> Composite.parse(text));

    assertThat(e).isNotNull();
    assertThat(e.expected()).isEqualTo("nesting at most 100 levels deep");
  }

  @Test
  void theDeepestAllowedExpressionParsesChecksRendersAndEvaluates() {
    Composite c = Composite.compile(nestedSums(Parser.MAX_DEPTH));

    assertThat(Composite.parse(c.text()).render()).isEqualTo(c.text());
    TestSource source = new TestSource().add("a", Map.of("h", "x"), 0, 2.0, 60, 3.0);
    List<Series> result = c.evaluate(source, new TimeRange(0, 120, 60));

    assertThat(result).hasSize(1);
    assertThat(result.get(0).points()).extracting(Point::value).containsExactly(2.0, 3.0);
  }
}
