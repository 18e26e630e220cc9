package dev.appoptics.emulator.internal.resources.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Validates annotation events and links, and puts them in the shape the service returns. */
final class EventParser {
  private EventParser() {}

  /** A new event from a create body: {@code title} required, {@code start_time} defaults to now. */
  static ObjectNode create(ObjectNode body, long now, FieldErrors errors) {
    ObjectNode event = Json.object();
    event.set("title", title(body, errors));
    event.set("description", optionalText(body, "description", errors));
    event.set("source", optionalText(body, "source", errors));
    Long start = time(body, "start_time", errors);
    event.put("start_time", start == null ? now : start);
    Long end = time(body, "end_time", errors);
    if (end == null) {
      event.putNull("end_time");
    } else {
      event.put("end_time", end);
    }
    event.set("links", links(body, errors));
    checkOrder(event, errors);
    return event;
  }

  /** The event with the fields an update may change laid over it (only those sent change). */
  static ObjectNode update(ObjectNode old, ObjectNode body, FieldErrors errors) {
    ObjectNode event = old.deepCopy();
    if (body.has("title")) {
      event.set("title", title(body, errors));
    }
    if (body.has("description")) {
      event.set("description", optionalText(body, "description", errors));
    }
    if (body.has("end_time")) {
      Long end = time(body, "end_time", errors);
      if (end == null) {
        event.putNull("end_time");
      } else {
        event.put("end_time", end);
      }
    }
    if (body.has("links")) {
      event.set("links", links(body, errors));
    }
    checkOrder(event, errors);
    return event;
  }

  /** One link: {@code rel} and {@code href} required, {@code label} optional. */
  static ObjectNode link(JsonNode in, FieldErrors errors, String field) {
    ObjectNode link = Json.object();
    if (!in.isObject()) {
      errors.add(field, "a link must be an object with rel and href, found " + Json.show(in));
      return link;
    }
    for (String required : new String[] {"rel", "href"}) {
      Optional<JsonNode> v = Json.present(in, required);
      if (v.isEmpty() || !v.get().isTextual() || v.get().asText().isBlank()) {
        errors.add(field, "a link needs " + required + ", found " + Json.show(in));
      }
    }
    link.set("rel", in.get("rel"));
    link.set("label", Json.present(in, "label").orElse(null));
    link.set("href", in.get("href"));
    return link;
  }

  private static ArrayNode links(ObjectNode body, FieldErrors errors) {
    ArrayNode out = Json.array();
    Optional<JsonNode> node = Json.present(body, "links");
    if (node.isEmpty()) {
      return out;
    }
    if (!node.get().isArray()) {
      errors.add("links", "must be an array, was " + Json.show(node.get()));
      return out;
    }
    Set<String> rels = new HashSet<>();
    for (JsonNode item : node.get()) {
      ObjectNode link = link(item, errors, "links");
      String rel = link.path("rel").asText("");
      if (!rel.isEmpty() && !rels.add(rel)) {
        errors.add("links", "rel '" + rel + "' appears more than once; rel must be unique per event");
      }
      out.add(link);
    }
    return out;
  }

  private static JsonNode title(ObjectNode body, FieldErrors errors) {
    Optional<JsonNode> title = Json.present(body, "title");
    if (title.isEmpty() || (title.get().isTextual() && title.get().asText().isBlank())) {
      errors.add("title", "is not present");
    } else if (!title.get().isTextual()) {
      errors.add("title", "must be a string, was " + Json.show(title.get()));
    }
    return title.orElse(null);
  }

  private static JsonNode optionalText(ObjectNode body, String field, FieldErrors errors) {
    Optional<JsonNode> v = Json.present(body, field);
    if (v.isPresent() && !v.get().isTextual()) {
      errors.add(field, "must be a string, was " + Json.show(v.get()));
    }
    return v.orElse(null);
  }

  private static Long time(ObjectNode body, String field, FieldErrors errors) {
    Optional<JsonNode> v = Json.present(body, field);
    if (v.isEmpty()) {
      return null;
    }
    JsonNode t = v.get();
    if (t.isTextual()) {
      Optional<Long> parsed = Json.id(t.asText());
      if (parsed.isPresent() && parsed.get() >= 0) {
        return parsed.get();
      }
    } else if (t.isNumber() && Json.isWholeNumber(t) && t.longValue() >= 0) {
      return t.longValue();
    }
    errors.add(field, "must be a Unix time in whole seconds, was " + Json.show(t));
    return null;
  }

  private static void checkOrder(ObjectNode event, FieldErrors errors) {
    JsonNode end = event.get("end_time");
    if (end.isNumber() && end.longValue() < event.get("start_time").longValue()) {
      errors.add("end_time", "must not be before start_time, was " + end.longValue());
    }
  }
}
