package dev.appoptics.emulator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCursorTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Every token with its text, as "TOKEN text". */
  static List<String> tokens(byte[] json) {
    JsonCursor p = new JsonCursor(json);
    List<String> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      out.add(t + " " + p.getText());
    }
    return out;
  }

  static List<String> jacksonTokens(byte[] json) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JACKSON.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        out.add(t + " " + p.getText());
      }
    }
    return out;
  }

  @Test
  void givesTheTokensJacksonGives() throws IOException {
    String json =
        " {\"a\" : [1, -2.5e3, true, false, null, {}, [], \"x\"],\n\t\"b\":{\"c\":{\"d\":\"\"}}, \"a\":0.125E-2} ";

    assertThat(tokens(utf8(json))).isEqualTo(jacksonTokens(utf8(json))).hasSize(25);
  }

  @Test
  void matchesJacksonOnRandomDocuments() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      RandomJson.value(random, b, 0);
      byte[] json = utf8(b.toString());
      assertThat(tokens(json)).as(b.toString()).isEqualTo(jacksonTokens(json));
    }
  }

  @Test
  void decodesEveryEscapeAndMultiByteCharacter() throws IOException {
    String json = "[\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0041\\u00e9\\u20AC\\ud83d\\ude00 é € 😀 中文 \\uD800 end\"]";
    JsonCursor p = new JsonCursor(utf8(json));
    p.nextToken();

    assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
    String expected = "q\" b\\ s/ \b\f\n\r\t Aé€😀 é € 😀 中文 \uD800 end";
    assertThat(p.getText()).isEqualTo(expected).isEqualTo(jacksonTokens(utf8(json)).get(1).substring(13));
    char[] copy = new char[p.textLength() + 2];
    p.copyText(copy, 2);
    assertThat(new String(copy, 2, p.textLength())).isEqualTo(expected);
  }

  @Test
  void escapedAndNonAsciiNamesAreDecoded() {
    JsonCursor p = new JsonCursor(utf8("{\"h\\u006fst\":1,\"hôst\":2}"));
    p.nextToken();

    p.nextToken();
    assertThat(p.currentName()).isEqualTo("host");
    p.nextToken();
    p.nextToken();
    assertThat(p.currentName()).isEqualTo("hôst");
  }

  @Test
  void repeatedNamesAndSharedTextsAreOneInstance() {
    JsonCursor p = new JsonCursor(utf8("[{\"region.zone\":\"metric.a\"},{\"region.zone\":\"metric.a\"}]"));
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      if (t == JsonToken.FIELD_NAME) {
        names.add(p.currentName());
      } else if (t == JsonToken.VALUE_STRING) {
        values.add(p.getSharedText());
      }
    }

    assertThat(names.get(1)).isEqualTo("region.zone").isSameAs(names.get(0));
    assertThat(values.get(1)).isEqualTo("metric.a").isSameAs(values.get(0));
    assertThat(new JsonCursor(utf8("{\"value\":1}")).nextToken()).isEqualTo(JsonToken.START_OBJECT);
  }

  @Test
  void numbersAndLiteralsKeepTheirTextForMessagesAndKeys() {
    JsonCursor p = new JsonCursor(utf8("[1.50E+02, -0, true]"));
    p.nextToken();

    assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
    assertThat(p.getText()).isEqualTo("1.50E+02");
    assertThat(p.getDoubleValue()).isEqualTo(150.0);
    assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    assertThat(p.getText()).isEqualTo("-0");
    assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_TRUE);
    char[] copy = new char[p.textLength()];
    p.copyText(copy, 0);
    assertThat(new String(copy)).isEqualTo("true").isEqualTo(p.getText());
  }

  @Test
  void skipChildrenMovesToTheMatchingEnd() {
    JsonCursor p = new JsonCursor(utf8("{\"skip\":{\"a\":[1,{\"b\":[]}],\"c\":\"}\"},\"next\":[[2]],\"last\":3}"));
    p.nextToken();
    p.nextToken();
    p.nextToken();

    p.skipChildren();
    assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(p.currentName()).isEqualTo("next");
    p.nextToken();
    p.skipChildren();
    assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    p.skipChildren(); // a scalar: nothing to skip
    assertThat(p.getText()).isEqualTo("3");
    assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
    assertThat(p.nextToken()).isNull();
  }

  @Test
  void skipsAByteOrderMarkAndTrailingWhiteSpace() {
    byte[] json = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', ' ', '\n'};

    assertThat(tokens(json)).containsExactly("START_OBJECT {", "END_OBJECT }");
    assertThat(tokens(new byte[0])).isEmpty();
  }

  @Test
  void nestingIsBoundedLikeJacksonsDefault() {
    String ok = "[".repeat(JsonCursor.MAX_DEPTH) + "]".repeat(JsonCursor.MAX_DEPTH);
    String deep = "[".repeat(JsonCursor.MAX_DEPTH + 1) + "]".repeat(JsonCursor.MAX_DEPTH + 1);

    assertThat(tokens(utf8(ok))).hasSize(2 * JsonCursor.MAX_DEPTH);
    assertThatThrownBy(() -> tokens(utf8(deep)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage("Document nesting depth (1001) exceeds the maximum allowed (1000) (at byte 1000)");
    assertThatThrownBy(() -> jacksonTokens(utf8(deep))).isInstanceOf(JsonProcessingException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":01}", "{\"a\":-01}", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\":\"\u0001\"}", "{'a':1}", "{\"a\":'x'}",
        "{\"a\":NaN}", "{\"a\":-Infinity}", "{\"a\":Infinity}", "{\"a\":+1}", "{\"a\":1 x}", "{\"a\":\"\\q\"}",
        "{\"a\":\"\\u12g4\"}", "{\"a\":-x}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":1e+}",
        "{\"a\" 1}", "{a:1}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":", "{\"a\":1", "{\"a\"", "{", "[",
        "[1", "\"abc", "{\"a\":\"abc", "{\"a\":\"\\", "{\"a\":\"\\u12", "// c\n{}", "/* c */{}", "{\"a\":1}/*c*/",
        "{\"a\":1 # c\n}", "ÿþ", "{\"a\":[}", "{\"a\":{]}", "]", "}", "{\"a\":1}}", "[1]]", "{\"a\":1:2}", "{\"a\"::1}",
        "{\"a\":\"\t\"}", "{\"a\":1\u00a0}", "{\"a\":0x10}", "{\"a\":1.5.3}", "{\"a\":1ee5}"
      })
  void refusesWhatJacksonRefuses(String json) {
    assertThatThrownBy(() -> jacksonTokens(utf8(json))).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> tokens(utf8(json))).isInstanceOf(JsonSyntaxException.class).hasMessageContaining("(at byte ");
  }

  @Test
  void readsFurtherRootValuesAndRefusesJunkAfterTheRootLikeJackson() throws IOException {
    assertThat(tokens(utf8("{} [1]"))).isEqualTo(jacksonTokens(utf8("{} [1]"))).hasSize(5);
    assertThatThrownBy(() -> tokens(utf8("{} x")))
        .hasMessageStartingWith("Unrecognized token 'x': was expecting (JSON String, Number, Array, Object");
    assertThatThrownBy(() -> jacksonTokens(utf8("{} x"))).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> tokens(utf8("{} 1}")))
        .hasMessage("Unexpected character ('}' (code 125)): Expected space separating root-level values (at byte 4)");
    assertThatThrownBy(() -> jacksonTokens(utf8("{} 1}"))).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void messagesSayWhatAndWhere() {
    assertThatThrownBy(() -> tokens(utf8("{\"a\":1 x}")))
        .hasMessage("Unexpected character ('x' (code 120)): was expecting comma to separate Object entries (at byte 7)");
    assertThatThrownBy(() -> tokens(utf8("{\"a\":01}")))
        .hasMessage("Invalid numeric value: Leading zeroes not allowed (at byte 6)");
    assertThatThrownBy(() -> tokens(utf8("{\"a\":NaN}")))
        .hasMessageStartingWith("Unrecognized token 'NaN': was expecting (JSON String, Number, Array, Object");
    assertThatThrownBy(() -> tokens(utf8("{\"a\":\"x\u0001\"}")))
        .hasMessageStartingWith("Illegal unquoted character ((CTRL-CHAR, code 1))")
        .hasMessageEndingWith("(at byte 7)");
    assertThatThrownBy(() -> tokens(utf8("[1,]")))
        .hasMessage("Unexpected character (']' (code 93)): expected a value (at byte 3)");
    assertThatThrownBy(() -> tokens(utf8("{\"a\":[1")))
        .hasMessage("Unexpected end-of-input within/between Array entries (at byte 7)");
  }

  @Test
  void refusesInvalidUtf8InsteadOfReplacingIt() {
    byte[][] bad = {
      {'"', (byte) 0xFF, '"'}, // never a UTF-8 byte
      {'"', (byte) 0x80, '"'}, // continuation without a start
      {'"', (byte) 0xC3, 'A', '"'}, // start without its continuation
      {'"', (byte) 0xC0, (byte) 0x80, '"'}, // overlong NUL
      {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'}, // overlong '/'
      {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // an encoded surrogate
      {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
      {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, '"'}, // cut short
      {'"', (byte) 0xE2, (byte) 0x82}, // cut by the end of the input
      {(byte) 0xC3, (byte) 0xA9} // not in a string at all
    };
    for (byte[] json : bad) {
      assertThatThrownBy(() -> tokens(json)).isInstanceOf(JsonSyntaxException.class);
    }
    assertThatThrownBy(() -> tokens(bad[0])).hasMessage("Invalid UTF-8 start byte 0xff (at byte 1)");
    assertThatThrownBy(() -> tokens(bad[2])).hasMessage("Invalid UTF-8 middle byte 0x41 (at byte 2)");
  }

  @Test
  void longStringsAndNamesGrowTheBuffer() throws IOException {
    String longText = "é".repeat(5000) + "\\n" + "x".repeat(300);
    String json = "{\"" + "k".repeat(400) + "\":\"" + longText + "\",\"" + "ü".repeat(300) + "\":1}";

    assertThat(tokens(utf8(json))).isEqualTo(jacksonTokens(utf8(json)));
  }
}
