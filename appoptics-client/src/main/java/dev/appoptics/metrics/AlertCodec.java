package dev.appoptics.metrics;

import static dev.appoptics.metrics.ResourceJson.bool;
import static dev.appoptics.metrics.ResourceJson.doubleValue;
import static dev.appoptics.metrics.ResourceJson.intValue;
import static dev.appoptics.metrics.ResourceJson.longValue;
import static dev.appoptics.metrics.ResourceJson.put;
import static dev.appoptics.metrics.ResourceJson.requiredLong;
import static dev.appoptics.metrics.ResourceJson.requiredText;
import static dev.appoptics.metrics.ResourceJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for alerts, conditions and services. Writes never carry nulls; reads accept ids as numbers or strings. */
final class AlertCodec {
  private AlertCodec() {}

  /** The alert as POSTed or PUT: services as ids, every condition and attribute (a PUT replaces all of them). */
  static ObjectNode toJson(Alert alert) {
    ObjectNode o = ResourceJson.object();
    o.put("name", alert.name());
    put(o, "description", alert.description());
    ArrayNode conditions = o.putArray("conditions");
    alert.conditions().forEach(c -> conditions.add(toJson(c)));
    ArrayNode services = o.putArray("services");
    alert.serviceIds().forEach(services::add);
    o.set("attributes", ResourceJson.fromPlain(alert.attributes()));
    o.put("active", alert.isActive());
    put(o, "rearm_seconds", alert.rearmSeconds());
    put(o, "rearm_per_signal", alert.rearmPerSignal());
    return o;
  }

  static ObjectNode toJson(Condition c) {
    ObjectNode o = ResourceJson.object();
    o.put("type", c.type().wireName());
    o.put("metric_name", c.metricName());
    put(o, "threshold", c.threshold());
    put(o, "duration", c.duration());
    put(o, "summary_function", c.summaryFunction());
    // Always an array: the service refuses a missing or null one on update ("tags: must be an array").
    ArrayNode tags = o.putArray("tags");
    for (ConditionTag t : c.tags()) {
      ObjectNode tag = tags.addObject();
      tag.put("name", t.name());
      tag.set("values", ResourceJson.textArray(t.values()));
      tag.put("grouped", t.isGrouped());
    }
    put(o, "detect_reset", c.detectReset());
    return o;
  }

  static Alert alert(JsonNode node) {
    Alert.Builder b =
        Alert.builder(requiredText(node, "name"))
            .readOnly(
                requiredLong(node, "id"),
                intValue(node, "version").isPresent() ? intValue(node, "version").getAsInt() : null,
                ResourceJson.epochSeconds(node, "created_at").orElse(null),
                ResourceJson.epochSeconds(node, "updated_at").orElse(null));
    text(node, "description").ifPresent(b::description);
    for (JsonNode c : node.path("conditions")) {
      b.addCondition(condition(c));
    }
    for (JsonNode s : node.path("services")) {
      if (s.isObject() && s.has("type")) {
        b.addService(service(s));
      } else if (s.isObject()) {
        b.addService(requiredLong(s, "id"));
      } else {
        b.addService(s.asLong());
      }
    }
    b.rawAttributes(ResourceJson.plainMap(node.get("attributes")));
    bool(node, "active").ifPresent(b::active);
    intValue(node, "rearm_seconds").ifPresent(b::rearmSeconds);
    bool(node, "rearm_per_signal").ifPresent(b::rearmPerSignal);
    return b.build();
  }

  static Condition condition(JsonNode node) {
    Condition.Builder b = Condition.forMetric(requiredText(node, "metric_name")).decoded();
    longValue(node, "id").ifPresent(b::id);
    b.type(ConditionType.fromWire(requiredText(node, "type")));
    doubleValue(node, "threshold").ifPresent(b::threshold);
    // Immediate conditions come back with no duration or with 0.
    intValue(node, "duration").stream().filter(d -> d > 0).forEach(b::duration);
    text(node, "summary_function").ifPresent(b::summaryFunction);
    for (JsonNode t : node.path("tags")) {
      b.tag(ConditionTag.of(requiredText(t, "name"), ResourceJson.texts(t, "values"), t.path("grouped").asBoolean()));
    }
    bool(node, "detect_reset").ifPresent(b::detectReset);
    return b.build();
  }

  static Service service(JsonNode node) {
    Map<String, String> settings = new LinkedHashMap<>();
    node.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
    return Service.of(
        requiredLong(node, "id"), text(node, "type").orElse(""), text(node, "title").orElse(""), settings);
  }
}
