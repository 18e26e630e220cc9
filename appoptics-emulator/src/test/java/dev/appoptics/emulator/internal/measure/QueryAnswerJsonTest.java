package dev.appoptics.emulator.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written answer is the JSON Jackson's generator wrote for the same answer, number for number. */
class QueryAnswerJsonTest {
  private static final List<SummaryFunction> ALL_BUT_MEAN = List.of(SummaryFunction.COUNT, SummaryFunction.SUM,
      SummaryFunction.MIN, SummaryFunction.MAX, SummaryFunction.LAST, SummaryFunction.STDDEV);

  @Test
  void writesWhatJacksonsGeneratorWroteForAnyNamesTagsAndNumbers() throws IOException {
    Random random = new Random(17);
    for (int round = 0; round < 200; round++) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("display_units_short", text(random));
      attributes.put("display_max", random.nextBoolean() ? null : random.nextDouble() * 1e6);
      Metric metric = Metric.gauge("m." + round, OptionalInt.empty(), attributes);
      String next = random.nextBoolean() ? null : "http://h/v1/measurements/m?start_time=1&" + text(random);
      boolean all = random.nextBoolean();
      List<Map<String, String>> tags = new ArrayList<>();
      List<List<Aggregate>> buckets = new ArrayList<>();
      for (int s = random.nextInt(4); s > 0; s--) {
        Map<String, String> t = new LinkedHashMap<>();
        for (int k = random.nextInt(3); k > 0; k--) {
          t.put(text(random), text(random));
        }
        tags.add(t);
        List<Aggregate> points = new ArrayList<>();
        for (int p = random.nextInt(5); p > 0; p--) {
          double v = number(random);
          points.add(new Aggregate(random.nextLong() >>> random.nextInt(64), 1 + random.nextInt(9), v, v - 1, v + 1,
              number(random), random.nextBoolean() ? -1 : v * v));
        }
        buckets.add(points);
      }

      QueryAnswerJson json = new QueryAnswerJson(0);
      json.head(metric, 60, next);
      for (int s = 0; s < tags.size(); s++) {
        json.beginSeries(tags.get(s));
        for (Aggregate a : buckets.get(s)) {
          if (all) {
            json.bucket(a);
          } else {
            json.point(a.time(), a.value(SummaryFunction.MEAN));
          }
        }
        json.endSeries();
      }

      String written = new String(json.finish(), StandardCharsets.UTF_8);
      String expected = generated(metric, next, all, tags, buckets);
      // The same JSON; the generator escapes a character outside the BMP as \\uD83D\\uDE00 where this writes its
      // four UTF-8 bytes, so the texts are compared only where no such character occurs.
      assertThat(ApiResponse.mapper().readTree(written)).isEqualTo(ApiResponse.mapper().readTree(expected));
      if (written.codePoints().allMatch(Character::isBmpCodePoint)) {
        assertThat(written).isEqualTo(expected);
      }
    }
  }

  /** The answer as the generator wrote it. */
  private static String generated(Metric metric, String next, boolean all, List<Map<String, String>> tags,
      List<List<Aggregate>> buckets) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = ApiResponse.mapper().getFactory().createGenerator(bytes)) {
      g.enable(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
      g.writeStartObject();
      g.writeStringField("name", metric.name());
      g.writeStringField("type", metric.type());
      g.writeNumberField("resolution", 60);
      g.writeFieldName("attributes");
      ApiResponse.mapper().writeValue(g, metric.attributes());
      g.writeArrayFieldStart("links");
      if (next != null) {
        g.writeStartObject();
        g.writeStringField("rel", "next");
        g.writeStringField("href", next);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("series");
      for (int s = 0; s < tags.size(); s++) {
        g.writeStartObject();
        g.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> t : tags.get(s).entrySet()) {
          g.writeStringField(t.getKey(), t.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("measurements");
        for (Aggregate a : buckets.get(s)) {
          g.writeStartObject();
          g.writeNumberField("time", a.time());
          g.writeNumberField("value", a.value(SummaryFunction.MEAN));
          if (all) {
            for (SummaryFunction f : ALL_BUT_MEAN) {
              g.writeNumberField(f.wireName(), a.value(f));
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String text(Random random) {
    String alphabet = "ab.-_ \"\\/\n\t\u0001é€😀<>&=?";
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(6); i >= 0; i--) {
      int at = random.nextInt(alphabet.length());
      s.appendCodePoint(alphabet.codePointAt(Character.isLowSurrogate(alphabet.charAt(at)) ? at - 1 : at));
    }
    return s.toString();
  }

  private static double number(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextInt(1000) / 100.0;
      case 1 -> Double.longBitsToDouble(random.nextLong());
      case 2 -> -random.nextDouble() * 1e-300;
      case 3 -> random.nextLong();
      case 4 -> 0.0;
      default -> random.nextGaussian() * 1e9;
    };
  }
}
