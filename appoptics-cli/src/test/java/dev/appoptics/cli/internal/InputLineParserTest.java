package dev.appoptics.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InputLineParserTest {
  private final InputLineParser parser = new InputLineParser();

  @Test
  void readsNameValueAndTags() throws Exception {
    InputLine line = parser.parse(7, "  cpu.load 0.75 host=web1 region=eu-west  ").orElseThrow();

    assertThat(line)
        .isEqualTo(new InputLine(7, "cpu.load", 0.75, Map.of("host", "web1", "region", "eu-west"), OptionalLong.empty()));
  }

  @Test
  void readsTimeAfterTheValue() throws Exception {
    assertThat(parser.parse(1, "cpu 1e3 @1700000000 host=a").orElseThrow().time()).hasValue(1_700_000_000L);
  }

  @Test
  void readsJsonLines() throws Exception {
    InputLine line =
        parser.parse(2, "{\"name\":\"cpu\",\"value\":-2,\"tags\":{\"host\":\"a\",\"n\":3},\"time\":1700000000}")
            .orElseThrow();

    assertThat(line)
        .isEqualTo(new InputLine(2, "cpu", -2, Map.of("host", "a", "n", "3"), OptionalLong.of(1_700_000_000L)));
    assertThat(parser.parse(3, "{\"name\":\"c\",\"value\":1.5}").orElseThrow())
        .isEqualTo(new InputLine(3, "c", 1.5, Map.of(), OptionalLong.empty()));
  }

  @Test
  void skipsBlankAndCommentLines() throws Exception {
    assertThat(parser.parse(1, "")).isEmpty();
    assertThat(parser.parse(2, "   ")).isEmpty();
    assertThat(parser.parse(3, "# name value")).isEmpty();
  }

  @Test
  void reportsWhatIsWrongWithTheLineNumber() {
    assertRejected(4, "cpu", "line 4: expected 'NAME VALUE [TAG=VALUE ...]' but got 'cpu'");
    assertRejected(5, "cpu abc", "line 5: value 'abc' is not a number");
    assertRejected(5, "cpu NaN", "line 5: value 'NaN' is not a number");
    assertRejected(5, "cpu 1f", "line 5: value '1f' is not a number");
    assertRejected(6, "cpu 1 host", "line 6: tag 'host' is not NAME=VALUE");
    assertRejected(6, "cpu 1 host=", "line 6: tag 'host=' is not NAME=VALUE");
    assertRejected(7, "bad/name 1", "line 7: metric name 'bad/name' is invalid");
    assertRejected(8, "cpu 1 b@d=x", "line 8: tag name 'b@d' is invalid");
    assertRejected(9, "cpu 1 @soon", "line 9: time '@soon' is not epoch seconds");
    assertRejected(10, "{\"name\":\"cpu\"", "line 10: not valid JSON");
    assertRejected(11, "{\"name\":\"cpu\",\"value\":\"1\"}", "line 11: field 'value' is missing or not a number");
    assertRejected(12, "{\"value\":1}", "line 12: field 'name' is missing or not a string");
    assertRejected(13, "{\"name\":\"c\",\"value\":1,\"tags\":[1]}", "line 13: field 'tags' is not an object");
    assertRejected(14, "{\"name\":\"c\",\"value\":1,\"time\":1.5}", "line 14: field 'time' is not epoch seconds");
  }

  private void assertRejected(int number, String text, String message) {
    assertThatThrownBy(() -> parser.parse(number, text))
        .isInstanceOf(InputLineException.class)
        .hasMessageStartingWith(message)
        .extracting(e -> ((InputLineException) e).lineNumber())
        .isEqualTo(number);
  }
}
