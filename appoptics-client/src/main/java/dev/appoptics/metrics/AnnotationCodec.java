package dev.appoptics.metrics;

import static dev.appoptics.metrics.ResourceJson.epochSeconds;
import static dev.appoptics.metrics.ResourceJson.longValue;
import static dev.appoptics.metrics.ResourceJson.requiredText;
import static dev.appoptics.metrics.ResourceJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for annotation streams, events and links. */
final class AnnotationCodec {
  private AnnotationCodec() {}

  static ObjectNode toJson(AnnotationEvent event) {
    ObjectNode o = ResourceJson.object();
    o.put("title", event.title());
    event.description().ifPresent(v -> o.put("description", v));
    event.source().ifPresent(v -> o.put("source", v));
    event.startTime().ifPresent(v -> o.put("start_time", v.getEpochSecond()));
    event.endTime().ifPresent(v -> o.put("end_time", v.getEpochSecond()));
    if (!event.links().isEmpty()) {
      ArrayNode links = o.putArray("links");
      for (Link link : event.links()) {
        ObjectNode l = links.addObject();
        l.put("rel", link.rel());
        l.put("href", link.href());
        link.label().ifPresent(v -> l.put("label", v));
      }
    }
    return o;
  }

  static AnnotationEvent event(JsonNode node) {
    AnnotationEvent.Builder b = AnnotationEvent.builder(requiredText(node, "title"));
    longValue(node, "id").ifPresent(b::id);
    text(node, "description").ifPresent(b::description);
    text(node, "source").filter(s -> !s.isBlank()).ifPresent(b::source);
    epochSeconds(node, "start_time").ifPresent(b::startTime);
    epochSeconds(node, "end_time").ifPresent(b::endTime);
    for (JsonNode l : node.path("links")) {
      String rel = requiredText(l, "rel");
      String href = requiredText(l, "href");
      b.link(text(l, "label").map(label -> Link.of(rel, href, label)).orElseGet(() -> Link.of(rel, href)));
    }
    return b.build();
  }

  static AnnotationStream stream(JsonNode node) {
    Map<String, List<AnnotationEvent>> events = new LinkedHashMap<>();
    JsonNode groups = node.path("events");
    // The reference documents [{"source":[…]}], the live service has been seen answering {"source":[…]}.
    if (groups.isArray()) {
      groups.forEach(g -> addGroups(g, events));
    } else {
      addGroups(groups, events);
    }
    return new AnnotationStream(requiredText(node, "name"), text(node, "display_name").orElse(null), events);
  }

  private static void addGroups(JsonNode groups, Map<String, List<AnnotationEvent>> into) {
    if (!groups.isObject()) {
      return;
    }
    groups
        .fields()
        .forEachRemaining(
            e -> {
              List<AnnotationEvent> list = into.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
              e.getValue().forEach(ev -> list.add(event(ev)));
            });
  }
}
