package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Lenient readers and null-skipping writers shared by the resource codecs. Readers accept what real services send:
 * ids as numbers or numeric strings, {@code null} for unset fields, missing fields.
 */
final class ResourceJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ResourceJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static boolean present(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull() && !v.isMissingNode();
  }

  static Optional<String> text(JsonNode node, String field) {
    return present(node, field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  /** A required text field; its absence means the answer is not what the API documents. */
  static String requiredText(JsonNode node, String field) {
    return text(node, field).orElseThrow(() -> malformed(node, field));
  }

  static OptionalLong longValue(JsonNode node, String field) {
    if (!present(node, field)) {
      return OptionalLong.empty();
    }
    JsonNode v = node.get(field);
    if (v.isNumber()) {
      return OptionalLong.of(v.asLong());
    }
    try {
      return OptionalLong.of(Long.parseLong(v.asText().trim()));
    } catch (NumberFormatException e) {
      throw malformed(node, field);
    }
  }

  static long requiredLong(JsonNode node, String field) {
    return longValue(node, field).orElseThrow(() -> malformed(node, field));
  }

  static OptionalInt intValue(JsonNode node, String field) {
    OptionalLong v = longValue(node, field);
    return v.isPresent() ? OptionalInt.of(Math.toIntExact(v.getAsLong())) : OptionalInt.empty();
  }

  static OptionalDouble doubleValue(JsonNode node, String field) {
    if (!present(node, field)) {
      return OptionalDouble.empty();
    }
    JsonNode v = node.get(field);
    if (v.isNumber()) {
      return OptionalDouble.of(v.asDouble());
    }
    try {
      return OptionalDouble.of(Double.parseDouble(v.asText().trim()));
    } catch (NumberFormatException e) {
      throw malformed(node, field);
    }
  }

  static Optional<Boolean> bool(JsonNode node, String field) {
    return present(node, field) ? Optional.of(node.get(field).asBoolean()) : Optional.empty();
  }

  static Optional<Instant> epochSeconds(JsonNode node, String field) {
    OptionalLong v = longValue(node, field);
    return v.isPresent() ? Optional.of(Instant.ofEpochSecond(v.getAsLong())) : Optional.empty();
  }

  /**
   * A point in time as the resources write it: epoch seconds (most), ISO-8601 text (snapshots) or
   * {@code "2013-02-01 18:53:38 UTC"} (API tokens).
   */
  static Optional<Instant> timestamp(JsonNode node, String field) {
    if (!present(node, field)) {
      return Optional.empty();
    }
    JsonNode v = node.get(field);
    if (v.isNumber()) {
      return Optional.of(Instant.ofEpochSecond(v.asLong()));
    }
    String text = v.asText().trim();
    try {
      return Optional.of(text.endsWith(" UTC")
          ? LocalDateTime.parse(text.substring(0, text.length() - 4), SPACED).toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw malformed(node, field);
    }
  }

  /** A resource's id: its {@code id} field, else the last segment of its {@code href} (API tokens, snapshots). */
  static long resourceId(JsonNode node) {
    return longValue(node, "id").orElseGet(() -> idFromHref(node, "href").orElseThrow(() -> malformed(node, "href")));
  }

  /** The id at the end of a resource link such as {@code https://api.appoptics.com/v1/snapshots/17}. */
  static OptionalLong idFromHref(JsonNode node, String field) {
    Optional<String> href = text(node, field);
    if (href.isEmpty()) {
      return OptionalLong.empty();
    }
    String path = href.get().replaceAll("[?#].*$", "").replaceAll("/+$", "");
    try {
      return OptionalLong.of(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
    } catch (NumberFormatException e) {
      throw malformed(node, field);
    }
  }

  static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node.path(field);
    if (v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    } else if (v.isTextual()) {
      out.add(v.asText());
    }
    return out;
  }

  /** A JSON object as plain Java values (String, Long/Double, Boolean, List, Map). */
  static Map<String, Object> plainMap(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
    }
    return out;
  }

  private static Object plain(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    } else if (v.isBoolean()) {
      return v.asBoolean();
    } else if (v.isIntegralNumber()) {
      return v.asLong();
    } else if (v.isNumber()) {
      return v.asDouble();
    } else if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.forEach(e -> list.add(plain(e)));
      return list;
    } else if (v.isObject()) {
      return plainMap(v);
    }
    return v.asText();
  }

  /** Writes a plain Java value (as produced by {@link #plainMap}) back into JSON. */
  static JsonNode fromPlain(Object value) {
    if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return NODES.numberNode(((Number) value).longValue());
    } else if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    } else if (value instanceof List<?> list) {
      ArrayNode a = array();
      list.forEach(e -> a.add(fromPlain(e)));
      return a;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode o = object();
      map.forEach((k, v) -> o.set(String.valueOf(k), fromPlain(v)));
      return o;
    }
    throw new IllegalArgumentException("not a JSON value: " + value);
  }

  static void put(ObjectNode node, String field, Optional<?> value) {
    value.ifPresent(v -> node.set(field, fromPlain(v)));
  }

  static void put(ObjectNode node, String field, OptionalLong value) {
    value.ifPresent(v -> node.put(field, v));
  }

  static void put(ObjectNode node, String field, OptionalInt value) {
    value.ifPresent(v -> node.put(field, v));
  }

  static void put(ObjectNode node, String field, OptionalDouble value) {
    value.ifPresent(v -> node.put(field, v));
  }

  static ArrayNode textArray(List<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  /** The constant whose wire name is {@code name}, ignoring case; an unknown one is an answer this client cannot read. */
  static <E extends Enum<E>> E wireEnum(E[] values, Function<E, String> wireName, String what, String name) {
    for (E e : values) {
      if (wireName.apply(e).equals(name.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw ResourceChecks.malformedAnswer("unknown " + what + " '" + name + "'");
  }

  static AppOpticsException malformed(JsonNode node, String field) {
    return ResourceChecks.malformedAnswer("field '" + field + "' missing or invalid in " + abbreviate(node));
  }

  private static String abbreviate(JsonNode node) {
    String s = String.valueOf(node);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
