package dev.appoptics.emulator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private static Map<String, Object> read(String json) {
    JsonCursor p = new JsonCursor(json.getBytes(StandardCharsets.UTF_8));
    p.nextToken();
    Map<String, Object> out = JsonValues.readObject(p);
    assertThat(p.nextToken()).isNull();
    return out;
  }

  /** Equal values of the same classes all the way down. */
  private static void assertSameTree(Object ours, Object theirs) {
    if (theirs == null) {
      assertThat(ours).isNull();
      return;
    }
    assertThat(ours).hasSameClassAs(theirs).isEqualTo(theirs);
    if (theirs instanceof Map<?, ?> map) {
      assertThat(new ArrayList<Object>(((Map<?, ?>) ours).keySet())).isEqualTo(new ArrayList<Object>(map.keySet()));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        assertSameTree(((Map<?, ?>) ours).get(e.getKey()), e.getValue());
      }
    } else if (theirs instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertSameTree(((List<?>) ours).get(i), list.get(i));
      }
    }
  }

  @Test
  void givesTheTypesJacksonGives() throws Exception {
    String json =
        "{\"int\":1,\"negZero\":-0,\"long\":2147483648,\"minInt\":-2147483648,\"big\":9223372036854775808,"
            + "\"minLong\":-9223372036854775808,\"double\":2.5,\"exp\":1e2,\"s\":\"t\\u00e9xt\",\"t\":true,\"f\":false,"
            + "\"n\":null,\"list\":[1,[],{},\"x\",null],\"map\":{\"a\":{\"b\":[1.5]}},\"dup\":1,\"x\":0,\"dup\":\"last\"}";
    Map<String, Object> ours = read(json);

    assertSameTree(ours, JACKSON.readValue(json, Map.class));
    assertThat(ours).isInstanceOf(LinkedHashMap.class);
    assertThat(ours.get("list")).isInstanceOf(ArrayList.class);
    assertThat(ours.get("big")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(ours.get("dup")).isEqualTo("last");
  }

  @Test
  void randomObjectsMatchJackson() throws Exception {
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      StringBuilder b = new StringBuilder("{\"k\":");
      RandomJson.value(random, b, 0);
      String json = b.append('}').toString();
      assertSameTree(read(json), JACKSON.readValue(json, Map.class));
    }
  }
}
