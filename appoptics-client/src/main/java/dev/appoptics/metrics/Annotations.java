package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;

/** The annotations area: streams and their events. */
final class Annotations {
  private static final String ROOT = "annotations";

  private final Rest rest;

  Annotations(Rest rest) {
    this.rest = rest;
  }

  Stream<AnnotationStream> list(ListOptions options) {
    return Pages.stream(rest, ROOT, options.toQuery(), "annotations", AnnotationCodec::stream);
  }

  AnnotationStream get(String name, AnnotationQuery window) {
    ResourceChecks.requireText("stream", name);
    Query query = Query.create();
    if (window != null) {
      query.add("start_time", window.startTime().getEpochSecond());
      window.endTime().ifPresent(end -> query.add("end_time", end.getEpochSecond()));
      if (!window.sources().isEmpty()) {
        query.addAll("sources", window.sources());
      }
    }
    return AnnotationCodec.stream(rest.get(Rest.path(ROOT, name), query));
  }

  AnnotationEvent getEvent(String name, long id) {
    ResourceChecks.requireText("stream", name);
    return AnnotationCodec.event(rest.get(Rest.path(ROOT, name, id), Query.create()));
  }

  AnnotationEvent post(String name, AnnotationEvent event) {
    ResourceChecks.requireStreamName(name);
    Check.notNull("event", event);
    JsonNode answer = rest.post(Rest.path(ROOT, name), AnnotationCodec.toJson(event));
    return AnnotationCodec.event(answer);
  }

  void update(String name, String displayName) {
    ResourceChecks.requireText("stream", name);
    ObjectNode body = ResourceJson.object();
    body.put("display_name", ResourceChecks.requireText("display_name", displayName));
    rest.put(Rest.path(ROOT, name), body);
  }

  void delete(String name) {
    ResourceChecks.requireText("stream", name);
    rest.delete(Rest.path(ROOT, name), null);
  }
}
