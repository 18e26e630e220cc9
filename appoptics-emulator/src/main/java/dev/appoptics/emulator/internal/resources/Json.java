package dev.appoptics.emulator.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import java.util.Map;
import java.util.Optional;

/** JSON tree helpers shared by the resource modules, which keep their resources as Jackson trees. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * The request body as a JSON object. A body that is JSON but not an object (the Go client's stream update sends a
   * bare string) reads as an empty object, so the handler names the fields it misses.
   */
  public static ObjectNode body(ApiRequest request) {
    JsonNode node = request.json();
    return node.isObject() ? (ObjectNode) node : object();
  }

  /** The field's value, treating an absent key and JSON {@code null} alike. */
  public static Optional<JsonNode> present(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** Whether the value is a whole number (an int, a long, or a float without fraction). */
  public static boolean isWholeNumber(JsonNode v) {
    return v.isIntegralNumber() || (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()));
  }

  /** A numeric id from a body field given as a number or a numeric string, or empty when it is neither. */
  public static Optional<Long> id(JsonNode v) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber() && isWholeNumber(v)) {
      return Optional.of(v.longValue());
    }
    return v.isTextual() ? id(v.asText()) : Optional.empty();
  }

  /** A numeric id written as text, or empty when it is not one. */
  public static Optional<Long> id(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A short rendering of a value for error messages. */
  public static String show(JsonNode v) {
    return v == null ? "null" : v.toString();
  }

  /** {@code map}'s value for {@code id}; a 404 naming {@code what} and the id when there is none. */
  public static <K, V> V existing(Map<K, V> map, K id, String what) {
    V value = map.get(id);
    if (value == null) {
      throw notFound(what, id);
    }
    return value;
  }

  /** Throws the API's 404 for a resource that does not exist. */
  public static ApiError notFound(String what, Object id) {
    return ApiError.notFound(what + " " + id + " not found");
  }
}
