package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.store.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Applies the properties of a metric PUT body ({@code type}, {@code display_name}, {@code description},
 * {@code period}, {@code composite}, {@code attributes}, and attribute keys given at the top level) to a metric,
 * checking each value's type; attributes are merged key by key.
 */
final class MetricProperties {
  static final Set<String> ATTRIBUTE_KEYS =
      Set.of(
          "color", "display_max", "display_min", "display_units_long", "display_units_short", "display_stacked",
          "summarize_function", "aggregate", "gap_detection", "created_by_ua");
  private static final Set<String> SUMMARIZE = Set.of("average", "sum", "count", "min", "max");

  private MetricProperties() {}

  static Metric apply(Metric m, JsonNode body) {
    if (!body.isObject()) {
      throw ApiError.request(400, "Request body must be a JSON object");
    }
    String type = m.type();
    if (body.has("type")) {
      type = text(body, "type").orElse(Metric.GAUGE);
      if (!type.equals(Metric.GAUGE) && !type.equals(Metric.COMPOSITE)) {
        throw ApiError.params("type", "must be gauge or composite, got " + body.get("type"));
      }
    }
    Optional<String> displayName = body.has("display_name") ? text(body, "display_name") : m.displayName();
    Optional<String> description = body.has("description") ? text(body, "description") : m.description();
    OptionalInt period = m.period();
    if (body.has("period")) {
      JsonNode p = body.get("period");
      if (p.isNull()) {
        period = OptionalInt.empty();
      } else if (!p.canConvertToInt() || !p.isNumber() || p.asInt() < 1 || p.asDouble() != p.asInt()) {
        throw ApiError.params("period", "must be a whole number of seconds of at least 1, got " + p);
      } else {
        period = OptionalInt.of(p.asInt());
      }
    }
    Optional<String> composite = body.has("composite") ? text(body, "composite") : m.composite();
    Map<String, Object> attributes = new LinkedHashMap<>(m.attributes());
    JsonNode attrs = body.get("attributes");
    if (attrs != null && !attrs.isNull()) {
      if (!attrs.isObject()) {
        throw ApiError.params("attributes", "must be an object, got " + attrs);
      }
      attrs.fields().forEachRemaining(e -> attributes.put(e.getKey(), attribute(e.getKey(), e.getValue())));
    }
    for (String key : ATTRIBUTE_KEYS) {
      if (body.has(key)) {
        attributes.put(key, attribute(key, body.get(key)));
      }
    }
    Metric.tooDeep(attributes).ifPresent(why -> {
      throw ApiError.params("attributes", why);
    });
    if (type.equals(Metric.COMPOSITE) && composite.map(String::isBlank).orElse(true)) {
      throw ApiError.params("composite", "is required for a metric of type composite");
    }
    if (type.equals(Metric.GAUGE)) {
      composite = Optional.empty();
    }
    return new Metric(m.name(), type, displayName, description, period, composite, attributes);
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiError.params(field, "must be a string, got " + v);
    }
    return Optional.of(v.asText());
  }

  private static Object attribute(String key, JsonNode v) {
    switch (key) {
      case "display_max":
      case "display_min":
        if (!v.isNull() && !v.isNumber()) {
          throw ApiError.params("attributes", key + " must be a number or null, got " + v);
        }
        break;
      case "display_stacked":
      case "aggregate":
      case "gap_detection":
        if (!v.isBoolean()) {
          throw ApiError.params("attributes", key + " must be true or false, got " + v);
        }
        break;
      case "summarize_function":
        if (!v.isTextual() || !SUMMARIZE.contains(v.asText())) {
          throw ApiError.params("attributes", key + " must be one of " + List.copyOf(SUMMARIZE) + ", got " + v);
        }
        break;
      case "color":
        if (!v.isNull() && !(v.isTextual() && v.asText().matches("#[0-9A-Fa-f]{6}"))) {
          throw ApiError.params("attributes", "color must be a 7-character hex color such as #52D74C, got " + v);
        }
        break;
      default:
        break;
    }
    return ApiResponse.mapper().convertValue(v, Object.class);
  }
}
