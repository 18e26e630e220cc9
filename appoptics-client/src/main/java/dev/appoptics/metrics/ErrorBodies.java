package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns any error body the API sends into "field: message" strings: the grouped {@code errors} object (params maps,
 * nested maps, {@code request} as list or string, {@code system}), a flat {@code errors} list, a singular
 * {@code error} or {@code message}, other JSON, and plain text.
 */
final class ErrorBodies {
  private static final int MAX_TEXT = 500;

  private ErrorBodies() {}

  static List<String> parse(ObjectMapper mapper, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return List.of();
    }
    JsonNode json = null;
    if (text.startsWith("{") || text.startsWith("[") || text.startsWith("\"")) {
      try {
        json = mapper.readTree(text);
      } catch (java.io.IOException notJson) {
        json = null;
      }
    }
    if (json == null) {
      return List.of(shorten(text));
    }
    List<String> out = new ArrayList<>();
    if (json.isObject() && json.has("errors")) {
      out.addAll(messages(json.get("errors")));
    } else if (json.isObject() && json.path("error").isValueNode()) {
      out.add(json.get("error").asText());
    } else if (json.isObject() && json.path("message").isValueNode()) {
      out.add(json.get("message").asText());
    } else if (json.isTextual()) {
      out.add(json.asText());
    }
    if (out.isEmpty()) {
      out.add(shorten(text));
    }
    return out;
  }

  /** An {@code errors} value (object of fields, list, or text) as "field: message" strings. */
  static List<String> messages(JsonNode errors) {
    List<String> out = new ArrayList<>();
    if (errors.isObject()) {
      flatten("", errors, out);
    } else {
      leaves("", errors, out);
    }
    return out;
  }

  /** Object members become "prefix key: …"; every leaf message becomes its own entry. */
  private static void flatten(String prefix, JsonNode node, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = prefix + field.getKey() + ": ";
      if (field.getValue().isObject()) {
        flatten(name, field.getValue(), out);
      } else {
        leaves(name, field.getValue(), out);
      }
    }
  }

  private static void leaves(String prefix, JsonNode node, List<String> out) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isObject()) {
          flatten(prefix, item, out);
        } else {
          leaves(prefix, item, out);
        }
      }
    } else if (node.isValueNode()) {
      out.add(prefix + node.asText());
    } else if (node.isObject()) {
      flatten(prefix, node, out);
    }
  }

  private static String shorten(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
  }
}
