package dev.appoptics.emulator.internal.resources.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.measure.NameRules;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an alert create/update body and fills the service's defaults. Optional fields accept {@code null} (the
 * Python library sends nulls for everything unset, including {@code "id": null}). The result holds the alert's own
 * fields; ids, timestamps and {@code version} are the module's business.
 */
final class AlertParser {
  private static final Set<String> TYPES = Set.of("above", "below", "absent");
  private static final Set<String> SUMMARIES = Set.of("min", "max", "average", "sum", "count", "derivative");

  private AlertParser() {}

  /** An accepted body: the alert fields in the order the service returns them, and the service ids asked for. */
  record Parsed(
      String name,
      JsonNode description,
      ArrayNode conditions,
      List<Long> serviceIds,
      ObjectNode attributes,
      boolean active,
      long rearmSeconds,
      boolean rearmPerSignal,
      boolean md) {}

  static Parsed parse(ObjectNode body, FieldErrors errors) {
    String name = name(body, errors);
    JsonNode description = Json.present(body, "description").orElse(null);
    if (description != null && !description.isTextual()) {
      errors.add("description", "must be a string, was " + Json.show(description));
    }
    ArrayNode conditions = conditions(body, errors);
    List<Long> services = serviceIds(body, errors);
    ObjectNode attributes = Json.object();
    Optional<JsonNode> attrs = Json.present(body, "attributes");
    if (attrs.isPresent()) {
      if (attrs.get().isObject()) {
        attributes = (ObjectNode) attrs.get().deepCopy();
      } else {
        errors.add("attributes", "must be an object, was " + Json.show(attrs.get()));
      }
    }
    boolean active = bool(body, "active", true, errors);
    boolean rearmPerSignal = bool(body, "rearm_per_signal", false, errors);
    boolean md = bool(body, "md", true, errors);
    long rearm = 600;
    Optional<JsonNode> rearmNode = Json.present(body, "rearm_seconds");
    if (rearmNode.isPresent()) {
      JsonNode v = rearmNode.get();
      if (!v.isNumber() || !Json.isWholeNumber(v) || v.longValue() < 0 || v.longValue() % 60 != 0) {
        errors.add("rearm_seconds", "must be a non-negative multiple of 60, was " + Json.show(v));
      } else {
        rearm = v.longValue();
      }
    }
    return new Parsed(name, description, conditions, services, attributes, active, rearm, rearmPerSignal, md);
  }

  private static String name(ObjectNode body, FieldErrors errors) {
    Optional<JsonNode> node = Json.present(body, "name");
    if (node.isEmpty() || (node.get().isTextual() && node.get().asText().isEmpty())) {
      errors.add("name", "is not present");
      return "";
    }
    if (!node.get().isTextual()) {
      errors.add("name", "must be a string, was " + Json.show(node.get()));
      return "";
    }
    String name = node.get().asText();
    if (name.length() > NameRules.MAX_METRIC_NAME) {
      errors.add("name", "is too long (maximum is " + NameRules.MAX_METRIC_NAME + " characters)");
    } else if (!NameRules.validMetricName(name)) {
      errors.add("name", "may only contain the characters A-Za-z0-9._:- , was '" + name + "'");
    }
    return name;
  }

  private static boolean bool(ObjectNode body, String field, boolean fallback, FieldErrors errors) {
    Optional<JsonNode> v = Json.present(body, field);
    if (v.isEmpty()) {
      return fallback;
    }
    if (!v.get().isBoolean()) {
      errors.add(field, "must be true or false, was " + Json.show(v.get()));
      return fallback;
    }
    return v.get().booleanValue();
  }

  private static List<Long> serviceIds(ObjectNode body, FieldErrors errors) {
    Optional<JsonNode> node = Json.present(body, "services");
    List<Long> ids = new ArrayList<>();
    if (node.isEmpty()) {
      return ids;
    }
    if (!node.get().isArray()) {
      errors.add("services", "must be an array of service ids, was " + Json.show(node.get()));
      return ids;
    }
    for (JsonNode item : node.get()) {
      // A full service object (as a read returns it) names its id.
      JsonNode idNode = item.isObject() ? item.get("id") : item;
      Optional<Long> id = Json.id(idNode);
      if (id.isEmpty()) {
        errors.add("services", "must hold service ids, found " + Json.show(item));
      } else if (!ids.contains(id.get())) {
        ids.add(id.get());
      }
    }
    return ids;
  }

  private static ArrayNode conditions(ObjectNode body, FieldErrors errors) {
    ArrayNode out = Json.array();
    Optional<JsonNode> node = Json.present(body, "conditions");
    if (node.isEmpty()) {
      return out;
    }
    if (!node.get().isArray()) {
      errors.add("conditions", "must be an array, was " + Json.show(node.get()));
      return out;
    }
    for (JsonNode item : node.get()) {
      FieldErrors nested = errors.nested("conditions");
      if (!item.isObject()) {
        nested.add("condition", "must be an object, was " + Json.show(item));
      } else {
        out.add(condition((ObjectNode) item, nested));
      }
    }
    return out;
  }

  private static ObjectNode condition(ObjectNode in, FieldErrors errors) {
    ObjectNode c = Json.object();
    Optional<JsonNode> idNode = Json.present(in, "id");
    idNode.flatMap(v -> Json.id(v)).ifPresent(id -> c.put("id", id));
    String type = in.path("type").asText("");
    if (Json.present(in, "type").isEmpty()) {
      errors.add("type", "is not present");
    } else if (!in.get("type").isTextual() || !TYPES.contains(type)) {
      errors.add("type", "must be one of above, below, absent, was " + Json.show(in.get("type")));
    }
    c.put("type", type);
    Optional<JsonNode> metric = Json.present(in, "metric_name");
    if (metric.isEmpty() || metric.get().asText().isEmpty()) {
      errors.add("metric_name", "is not present");
    } else if (!metric.get().isTextual()) {
      errors.add("metric_name", "must be a string, was " + Json.show(metric.get()));
    }
    c.set("metric_name", metric.orElse(null));
    // Clients of the Librato era send "source":"*" and compare what they read back: echo it, null when absent.
    Optional<JsonNode> source = Json.present(in, "source");
    if (source.isPresent() && !source.get().isTextual()) {
      errors.add("source", "must be a string, was " + Json.show(source.get()));
    }
    c.set("source", source.orElse(null));
    Optional<JsonNode> threshold = Json.present(in, "threshold");
    if (threshold.isPresent() && !threshold.get().isNumber()) {
      errors.add("threshold", "must be a number, was " + Json.show(threshold.get()));
    } else if (threshold.isEmpty() && (type.equals("above") || type.equals("below"))) {
      errors.add("threshold", "is not present (required for " + type + ")");
    }
    threshold.ifPresent(t -> c.put("threshold", t.isNumber() ? t.doubleValue() : 0));
    Optional<JsonNode> duration = Json.present(in, "duration");
    if (duration.isPresent()) {
      JsonNode d = duration.get();
      if (!d.isNumber() || !Json.isWholeNumber(d) || d.longValue() < 60 || d.longValue() > 3600) {
        errors.add("duration", "must be between 60 and 3600");
      }
      c.put("duration", d.asLong());
    } else if (type.equals("absent")) {
      errors.add("duration", "is not present (required for absent)");
    }
    Optional<JsonNode> summary = Json.present(in, "summary_function");
    if (summary.isPresent() && (!summary.get().isTextual() || !SUMMARIES.contains(summary.get().asText()))) {
      errors.add(
          "summary_function",
          "must be one of min, max, average, sum, count, derivative, was " + Json.show(summary.get()));
    }
    c.put("summary_function", summary.map(JsonNode::asText).orElse("average"));
    c.set("tags", tags(in, errors));
    Optional<JsonNode> detectReset = Json.present(in, "detect_reset");
    if (detectReset.isPresent()) {
      if (detectReset.get().isBoolean()) {
        c.set("detect_reset", detectReset.get());
      } else {
        errors.add("detect_reset", "must be true or false, was " + Json.show(detectReset.get()));
      }
    }
    return c;
  }

  private static ArrayNode tags(ObjectNode in, FieldErrors errors) {
    Optional<JsonNode> node = Json.present(in, "tags");
    if (node.isEmpty()) {
      return Json.array();
    }
    if (!node.get().isArray()) {
      errors.add("tags", "must be an array");
      return Json.array();
    }
    for (JsonNode tag : node.get()) {
      if (!tag.isObject() || !tag.path("name").isTextual() || !tag.path("values").isArray()) {
        errors.add("tags", "each tag needs a name and a list of values, found " + Json.show(tag));
      }
    }
    return (ArrayNode) node.get().deepCopy();
  }
}
