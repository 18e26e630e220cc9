package dev.appoptics.emulator.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.appoptics.emulator.internal.http.ApiError;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tags_search parser at sizes no URL carries: deep nesting is a positioned error, long chains cost no stack. */
class TagSearchTest {

  private static String message(String expression) {
    ApiError e = catchThrowableOfType(ApiError.class, () -> TagSearch.parse(expression));
    assertThat(e).as("no error for %s", expression).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    return e.getMessage();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'(', 100", "'not ', 400", "'not (', 250"})
  void twentyThousandLevelsAreRefusedAtTheFirstLevelTooDeep(String opening, int position) {
    String message = message(opening.repeat(20_000) + "a=b");

    assertThat(message)
        .contains("tags_search")
        .endsWith("parentheses and 'not' nest more than 100 levels deep at position " + position + "]}}}");
    assertThat(message.length()).isLessThan(600);
  }

  @Test
  void aHundredLevelsAreFine() {
    Predicate<Map<String, String>> p = TagSearch.parse("(".repeat(100) + "a=b" + ")".repeat(100));

    assertThat(p.test(Map.of("a", "b"))).isTrue();
    assertThat(p.test(Map.of("a", "c"))).isFalse();
  }

  @Test
  void longChainsOfAndAndOrParseAndEvaluateWithoutDeepRecursion() {
    String anyOf = "a=x or ".repeat(50_000) + "a=b";
    String allOf = "a=* and ".repeat(50_000) + "a=b";

    assertThat(TagSearch.parse(anyOf).test(Map.of("a", "b"))).isTrue();
    assertThat(TagSearch.parse(anyOf).test(Map.of("a", "c"))).isFalse();
    assertThat(TagSearch.parse(allOf).test(Map.of("a", "b"))).isTrue();
    assertThat(TagSearch.parse(allOf).test(Map.of("a", "c"))).isFalse();
  }

  @Test
  void precedenceIsKept() {
    Predicate<Map<String, String>> p = TagSearch.parse("a=1 or a=2 and b=3 or not (c=4)");

    assertThat(p.test(Map.of("a", "1"))).isTrue();
    assertThat(p.test(Map.of("a", "2", "b", "3", "c", "4"))).isTrue();
    assertThat(p.test(Map.of("a", "2", "c", "4"))).isFalse();
    assertThat(p.test(Map.of("c", "5"))).isTrue();
  }
}
