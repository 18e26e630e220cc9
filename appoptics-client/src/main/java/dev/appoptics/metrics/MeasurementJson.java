package dev.appoptics.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes measurement batches with Jackson's streaming generator (cheaper than building trees per batch). */
final class MeasurementJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private MeasurementJson() {}

  /**
   * {@code {"measurements":[…]}} plus optional top-level {@code tags} and {@code time}; the measurements must be
   * resolved (final names and tags).
   */
  static byte[] encode(List<Measurement> measurements, Map<String, String> topTags, Long topTime) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + measurements.size() * 128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      if (topTime != null) {
        g.writeNumberField("time", topTime);
      }
      if (!topTags.isEmpty()) {
        g.writeFieldName("tags");
        writeTags(g, topTags);
      }
      g.writeArrayFieldStart("measurements");
      for (Measurement m : measurements) {
        write(g, m);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Measurement m) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", m.name());
    if (m.value().isPresent()) {
      g.writeNumberField("value", m.value().getAsDouble());
    }
    if (m.sum().isPresent()) {
      g.writeNumberField("sum", m.sum().getAsDouble());
    }
    if (m.count().isPresent()) {
      g.writeNumberField("count", m.count().getAsLong());
    }
    if (m.min().isPresent()) {
      g.writeNumberField("min", m.min().getAsDouble());
    }
    if (m.max().isPresent()) {
      g.writeNumberField("max", m.max().getAsDouble());
    }
    if (m.last().isPresent()) {
      g.writeNumberField("last", m.last().getAsDouble());
    }
    if (m.stddev().isPresent()) {
      g.writeNumberField("stddev", m.stddev().getAsDouble());
    }
    if (m.time().isPresent()) {
      g.writeNumberField("time", m.time().getAsLong());
    }
    if (m.period().isPresent()) {
      g.writeNumberField("period", m.period().getAsInt());
    }
    if (!m.tags().isEmpty()) {
      g.writeFieldName("tags");
      writeTags(g, m.tags());
    }
    if (!m.attributes().isEmpty()) {
      g.writeFieldName("attributes");
      writeValue(g, m.attributes().asMap());
    }
    g.writeEndObject();
  }

  /** A JSON-like attribute value (see {@code MetricAttributes.Builder.set}): string, number, boolean, list or map. */
  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.toString());
    }
  }

  private static void writeTags(JsonGenerator g, Map<String, String> tags) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      g.writeStringField(tag.getKey(), tag.getValue());
    }
    g.writeEndObject();
  }
}
