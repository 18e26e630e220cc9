package dev.appoptics.emulator.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagSetCacheTest {
  private static final long NOW = 1_700_000_000L;
  private final TagSetCache cache = new TagSetCache();

  private List<ParsedMeasurement> parse(String json, boolean lowercaseValues) {
    MeasurementParser parser = new MeasurementParser(NOW, 3600, 600, lowercaseValues, cache);
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String body(String tags) {
    return "{\"measurements\":[{\"name\":\"cpu\",\"value\":1,\"tags\":" + tags + "},"
        + "{\"name\":\"cpu\",\"value\":2,\"tags\":" + tags + "}]}";
  }

  @Test
  void aRepeatedTagSetIsOneNormalizedInstanceAcrossRequests() {
    List<ParsedMeasurement> first = parse(body("{\"Host\":\"A1\",\"az\":\"x\"}"), true);
    List<ParsedMeasurement> second = parse(body("{\"Host\":\"A1\",\"az\":\"x\"}"), true);

    assertThat(first.get(0).tags).containsExactly(Map.entry("az", "x"), Map.entry("host", "a1"));
    assertThat(first.get(1).tags).isSameAs(first.get(0).tags);
    assertThat(second.get(0).tags).isSameAs(first.get(0).tags);
    assertThat(second.get(0).tags).isEqualTo(Map.of("az", "x", "host", "a1")).hasSameHashCodeAs(Map.of("az", "x", "host", "a1"));
  }

  @Test
  void anInvalidTagSetIsReportedEveryTimeItIsSent() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> parse(body("{\"host\":\"bad*value\"}"), false))
          .isInstanceOf(ApiError.class)
          .hasMessageContaining("measurements[0].tags.host: 'bad*value' is not a valid tag value")
          .hasMessageContaining("measurements[1].tags.host: 'bad*value' is not a valid tag value");
    }
  }

  @Test
  void aTagObjectSeenBeforeIsSkippedAndReadingGoesOnAfterIt() {
    String tags = "{ \"Host\" : \"A1\", \"az\":\"x\" }";
    parse(body(tags), true);
    List<ParsedMeasurement> again =
        parse("{\"measurements\":[{\"tags\":" + tags + ",\"name\":\"cpu\",\"value\":3,\"time\":" + NOW + "},"
            + "{\"name\":\"mem\",\"tags\":" + tags + ",\"value\":4}],\"period\":60}", true);

    assertThat(again.get(0).tags).isEqualTo(Map.of("az", "x", "host", "a1"));
    assertThat(again.get(1).tags).isSameAs(again.get(0).tags);
    assertThat(again.get(0).name).isEqualTo("cpu");
    assertThat(again.get(0).value).isEqualTo(3.0);
    assertThat(again.get(0).period).isEqualTo(60);
    assertThat(again.get(1).name).isEqualTo("mem");
    assertThat(again.get(1).value).isEqualTo(4.0);
  }

  @Test
  void tagObjectsWithBracesInsideAreReadInFullEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> parse(body("{\"host\":\"a}b\"}"), false))
          .isInstanceOf(ApiError.class)
          .hasMessageContaining("'a}b' is not a valid tag value");
      assertThatThrownBy(() -> parse(body("{\"host\":{\"a\":\"b\"}}"), false))
          .isInstanceOf(ApiError.class)
          .hasMessageContaining("tags.host must be a string, got an object");
    }
    assertThat(parse(body("{\"host\":\"a\"}"), false).get(0).tags).isEqualTo(Map.of("host", "a"));
    assertThatThrownBy(() -> parse(body("{\"host\":\"a\",\"x\":\"}\"}"), false))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("'}' is not a valid tag value");
  }

  @Test
  void pairListsThatConcatenateAlikeAreDifferentKeys() {
    List<ParsedMeasurement> ab = parse(body("{\"ab\":\"c\"}"), false);
    List<ParsedMeasurement> a = parse(body("{\"a\":\"bc\"}"), false);

    assertThat(ab.get(0).tags).isEqualTo(Map.of("ab", "c"));
    assertThat(a.get(0).tags).isEqualTo(Map.of("a", "bc"));
  }

  @Test
  void staysBoundedAndKeepsAnsweringAfterEmptying() {
    for (int i = 0; i <= TagSetCache.MAX_ENTRIES + 10; i++) {
      assertThat(parse(body("{\"host\":\"h" + i + "\"}"), false).get(0).tags).isEqualTo(Map.of("host", "h" + i));
    }
    assertThat(parse(body("{\"host\":\"h3\"}"), false).get(0).tags).isEqualTo(Map.of("host", "h3"));
  }
}
