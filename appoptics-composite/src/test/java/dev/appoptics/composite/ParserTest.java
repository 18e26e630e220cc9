package dev.appoptics.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  @Test
  void rendersCanonicalText() {
    Expression e = Composite.parse(
        "mean( s( 'temperature' ,\"*\", {function:\"mean\",'period':\"3600\"} ) )");
    assertThat(e.render()).isEqualTo("mean(s(\"temperature\", \"*\", {function: \"mean\", period: \"3600\"}))");
  }

  @Test
  void parsesEscapesSetsNumbersAndWords() {
    Expression e = Composite.parse("sum([s('it\\'s', {\"a b\": \"x\\\"y\\u0041\"}), [s(\"m\\n\", {k: 1.5e3, w: mean})]])");
    assertThat(e).isInstanceOf(Expression.Call.class);
    Expression.SetOf set = (Expression.SetOf) ((Expression.Call) e).arguments().get(0);
    Expression.Call first = (Expression.Call) set.elements().get(0);
    assertThat(((Expression.Text) first.arguments().get(0)).value()).isEqualTo("it's");
    Expression.MapOf tags = (Expression.MapOf) first.arguments().get(1);
    assertThat(((Expression.Text) tags.entries().get("a b")).value()).isEqualTo("x\"yA");
    assertThat(e.render()).isEqualTo(
        "sum([s(\"it's\", {\"a b\": \"x\\\"yA\"}), [s(\"m\\n\", {k: 1.5e3, w: mean})]])");
    assertThat(Composite.parse(e.render()).render()).isEqualTo(e.render());
    assertThat(set.elements().get(1).position()).isEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      mean(s("a" {           | 11 | ')' or ','                          | '{'
      sum (s("a"))           | 3  | '(' directly after the function name sum | whitespace
      sum(s("a", "*")        | 15 | ')' or ','                          | end of input
      s("abc                 | 6  | closing " of the string opened at offset 2 | end of input
      s("a\\q")              | 4  | one of the escapes \\" \\' \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX | '\\q'
      s("a", {1: "x"})       | 8  | a map key (name or string)          | number 1
      s("a", {k "x"})        | 10 | ':'                                 | string "x"
      s("a", {k: "x", k: 1}) | 16 | a key not already in this map       | duplicate key 'k'
      ``                     | 0  | a function call or '['              | end of input
      `   `                  | 3  | a function call or '['              | end of input
      sum(s("a"),)           | 11 | a value (function call, string, number, '[' or '{') | ')'
      "abc"                  | 0  | a function call or '['              | string "abc"
      mean                   | 0  | a function call or '['              | identifier 'mean'
      sum(s("a")) x          | 12 | end of input                        | identifier 'x'
      s("a", {k: 1e})        | 13 | exponent digits                     | character '}'
      s("a", {k: 12ab})      | 13 | a delimiter after the number        | character 'a'
      sum(s("a") @           | 11 | a function name, string, number, '[', '{' or punctuation | character '@'
      [s("a"), s("b"]        | 14 | ')' or ','                          | ']'
      """)
  void reportsPositionAndExpectation(String text, int position, String expected, String found) {
    CompositeSyntaxException e = catchThrowableOfType(CompositeSyntaxException.class, () -> Composite.parse(text));
    assertThat(e).as("no syntax error for %s", text).isNotNull();
    assertThat(e.position()).isEqualTo(position);
    assertThat(e.expected()).isEqualTo(expected);
    assertThat(e.found()).isEqualTo(found);
    assertThat(e.getMessage()).startsWith("expected " + expected + " but found " + found)
        .contains("(offset " + position + ")");
  }

  @Test
  void messageShowsLineColumnAndCaret() {
    CompositeSyntaxException e = catchThrowableOfType(CompositeSyntaxException.class,
        () -> Composite.parse("sum(\n  s(\"a\" \"b\"))"));
    assertThat(e.position()).isEqualTo(13);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.getMessage()).isEqualTo(
        "expected ')' or ',' but found string \"b\" at line 2, column 9 (offset 13)\n"
            + "    s(\"a\" \"b\"))\n"
            + "          ^");
    assertThat(e.summary()).isEqualTo("expected ')' or ',' but found string \"b\" at line 2, column 9 (offset 13)");
  }
}
