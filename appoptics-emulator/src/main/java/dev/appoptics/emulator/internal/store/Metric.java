package dev.appoptics.emulator.internal.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A metric's metadata as {@code GET /v1/metrics/:name} returns it. Immutable; {@link MetricRegistry} replaces the
 * whole value on update.
 *
 * @param name the name as first written (lookups ignore case)
 * @param type {@code gauge} or {@code composite}
 * @param displayName the display name, or empty (answered as the name)
 * @param description the description, or empty (answered as {@code null})
 * @param period the period in seconds, or empty (answered as {@code null})
 * @param composite the expression of a persisted composite, empty for gauges
 * @param attributes attributes as JSON values (strings, numbers, booleans, null), unmodifiable
 */
public record Metric(
    String name,
    String type,
    Optional<String> displayName,
    Optional<String> description,
    OptionalInt period,
    Optional<String> composite,
    Map<String, Object> attributes) {
  public static final String GAUGE = "gauge";
  public static final String COMPOSITE = "composite";
  /**
   * How deep an attribute's value may nest (objects and lists). Every answer wraps attributes in a few more levels,
   * and JSON readers and writers refuse documents nested beyond 1000, so a bound well below that keeps every stored
   * metric answerable.
   */
  public static final int MAX_ATTRIBUTE_DEPTH = 32;

  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A gauge created by its first measurement. */
  public static Metric gauge(String name, OptionalInt period, Map<String, Object> attributes) {
    return new Metric(name, GAUGE, Optional.empty(), Optional.empty(), period, Optional.empty(), attributes);
  }

  /** The first attribute whose value nests deeper than {@link #MAX_ATTRIBUTE_DEPTH}, as a message; empty if none. */
  public static Optional<String> tooDeep(Map<String, Object> attributes) {
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      int depth = depth(e.getValue());
      if (depth > MAX_ATTRIBUTE_DEPTH) {
        return Optional.of("'" + e.getKey() + "' nests " + depth + " levels deep; at most " + MAX_ATTRIBUTE_DEPTH
            + " are allowed");
      }
    }
    return Optional.empty();
  }

  /** Levels of objects and lists in a JSON value (0 for a scalar); its reader already bounded the recursion. */
  private static int depth(Object value) {
    int inner = -1;
    if (value instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        inner = Math.max(inner, depth(v));
      }
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        inner = Math.max(inner, depth(v));
      }
    } else {
      return 0;
    }
    return 1 + Math.max(inner, 0);
  }

  public boolean isComposite() {
    return COMPOSITE.equals(type);
  }

  /** The metric as a {@link ResourceStore} keeps it: every field as set, absent ones left out. */
  public ObjectNode toDocument() {
    ObjectNode doc = ApiResponse.mapper().createObjectNode().put("name", name).put("type", type);
    displayName.ifPresent(d -> doc.put("display_name", d));
    description.ifPresent(d -> doc.put("description", d));
    period.ifPresent(p -> doc.put("period", p));
    composite.ifPresent(c -> doc.put("composite", c));
    doc.set("attributes", ApiResponse.mapper().valueToTree(attributes));
    return doc;
  }

  /** The metric {@link #toDocument()} wrote. */
  public static Metric fromDocument(JsonNode doc) {
    return new Metric(
        doc.get("name").asText(),
        doc.get("type").asText(),
        text(doc, "display_name"),
        text(doc, "description"),
        doc.hasNonNull("period") ? OptionalInt.of(doc.get("period").asInt()) : OptionalInt.empty(),
        text(doc, "composite"),
        ApiResponse.mapper().convertValue(doc.get("attributes"), new TypeReference<Map<String, Object>>() {}));
  }

  private static Optional<String> text(JsonNode doc, String field) {
    return doc.hasNonNull(field) ? Optional.of(doc.get(field).asText()) : Optional.empty();
  }

  /** The metric as the API writes it. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("display_name", displayName.orElse(name));
    out.put("description", description.orElse(null));
    out.put("type", type);
    out.put("period", period.isPresent() ? period.getAsInt() : null);
    out.put("source_lag", null);
    composite.ifPresent(c -> out.put("composite", c));
    out.put("attributes", attributes);
    return out;
  }
}
