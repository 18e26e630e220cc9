package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String written(double v) {
    return new String(new JsonBytes(8).number(v).toByteArray(), StandardCharsets.US_ASCII);
  }

  @Test
  void decimalsAreWrittenShortAndReadBackExactly() {
    assertThat(written(0.5)).isEqualTo("0.5");
    assertThat(written(-23.125)).isEqualTo("-23.125");
    assertThat(written(0.05)).isEqualTo("0.05");
    assertThat(written(1)).isEqualTo("1.0");
    assertThat(written(0)).isEqualTo("0.0");
    assertThat(written(-0.0)).isEqualTo("-0.0");
    assertThat(written(123456789.000001)).isEqualTo("123456789.000001");
    assertThat(written(1e300)).isEqualTo("1.0E300");
    assertThat(written(0.1 + 0.2)).isEqualTo(Double.toString(0.1 + 0.2));
  }

  @Test
  void everyDoubleReadsBackAsItself() {
    SplittableRandom random = new SplittableRandom(42);
    List<Double> values = new ArrayList<>(Arrays.asList(Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        9_007_199_254_740_991d, 9_007_199_254_740_993d, 4.35, 0.1, 1e-7, 1e22, 1e23, Math.PI));
    for (int i = 0; i < 20_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong()));
      values.add(random.nextInt(-1_000_000_000, 1_000_000_000) / Math.pow(10, random.nextInt(8)));
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(-10, 20)));
    }
    for (double v : values) {
      if (Double.isFinite(v)) {
        String text = written(v);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text)
            .isEqualTo(Double.doubleToRawLongBits(v));
      }
    }
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThatThrownBy(() -> new JsonBytes(8).number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longsIncludingTheExtremes() {
    for (long v : new long[] {0, 7, -7, 1_700_000_000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(new String(new JsonBytes(1).number(v).toByteArray(), StandardCharsets.US_ASCII))
          .isEqualTo(Long.toString(v));
    }
  }

  @Test
  void stringsAreEscapedAndUtf8() throws Exception {
    String s = "plain \"quoted\" back\\slash\n\t\r\b\f\u0001 é € 😀 end";
    byte[] bytes = new JsonBytes(4).string(s).toByteArray();
    assertThat(JSON.readValue(bytes, String.class)).isEqualTo(s);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\\u0001", "é", "😀");
  }

  @Test
  void valuesOfEveryJsonLikeType() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "x");
    m.put("i", 3);
    m.put("d", 2.5);
    m.put("b", true);
    m.put("n", null);
    m.put("l", List.of(1, "two", List.of()));
    m.put("m", Map.of("k", 1L));
    String json = new String(new JsonBytes(1).value(m).toByteArray(), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"s\":\"x\",\"i\":3,\"d\":2.5,\"b\":true,\"n\":null,\"l\":[1,\"two\",[]],"
        + "\"m\":{\"k\":1}}");
  }

  @Test
  void wireTagsCarryTheirJsonAndBehaveAsAMap() throws Exception {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("host", "wéb \"1\"");
    given.put("az", "a");
    WireTags tags = new WireTags(given);
    assertThat(JSON.readValue(tags.json(), Map.class)).isEqualTo(given);
    assertThat(tags).isEqualTo(given).hasSameHashCodeAs(given).containsEntry("az", "a").doesNotContainKey("x");
    assertThat(Map.of("az", "a", "host", "wéb \"1\"")).isEqualTo(tags);
    assertThat(tags.keySet()).containsExactly("host", "az");
  }
}
