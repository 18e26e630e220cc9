package dev.appoptics.emulator.internal.resources.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.measure.NameRules;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.Listing;
import dev.appoptics.emulator.internal.store.Changes;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annotation streams and their events and links ({@code /v1/annotations}). A stream is created by the first event
 * posted to it. Reading a stream with a time window, {@code count} or {@code sources} lists its events grouped by
 * source: {@code "events":{"unassigned":[…],"host1":[…]}} as the live service answers, or, when configured, in the
 * documented list form {@code "events":[{"unassigned":[…],"host1":[…]}]}. Streams and events are documents of the
 * resource store's {@code annotation_streams} and {@code annotation_events}; a change is written before memory shows
 * it. Thread-safe: one lock guards all state.
 */
public final class AnnotationsModule implements ApiModule {
  private static final String STREAMS = "annotation_streams";
  private static final String EVENTS = "annotation_events";

  private final boolean eventsAsList;
  private final Object lock = new Object();
  private final ResourceStore resources;
  private final Map<String, Stream> streams = new LinkedHashMap<>();
  private long nextEventId;

  /** {@code eventsAsList}: group a stream's events in the documented list form rather than the object form. */
  public AnnotationsModule(boolean eventsAsList, ResourceStore resources) {
    this.eventsAsList = eventsAsList;
    this.resources = resources;
    resources.load(STREAMS).forEach((name, doc) -> {
      Stream stream = new Stream(name);
      stream.displayName = doc.get("display_name").asText();
      streams.put(name, stream);
    });
    resources.load(EVENTS).forEach((id, doc) ->
        streams.get(doc.get("stream").asText()).events.put(Long.parseLong(id), (ObjectNode) doc.get("event")));
    nextEventId = resources.highestId(EVENTS) + 1;
  }

  /** One stream; mutable, guarded by the module's lock. */
  private static final class Stream {
    final String name;
    String displayName;
    final Map<Long, ObjectNode> events = new LinkedHashMap<>();

    Stream(String name) {
      this.name = name;
      this.displayName = name;
    }

    String name() {
      return name;
    }

    ObjectNode summary() {
      return Json.object().put("name", name).put("display_name", displayName);
    }
  }

  /** An event as the resource store keeps it: with the name of its stream. */
  private static ObjectNode eventDocument(String stream, ObjectNode event) {
    ObjectNode doc = Json.object().put("stream", stream);
    doc.set("event", event);
    return doc;
  }

  @Override
  public void register(Router router) {
    router
        .add("GET", "/v1/annotations", this::list)
        .add("GET", "/v1/annotations/{name}", this::getStream)
        .add("POST", "/v1/annotations/{name}", this::createEvent)
        .add("PUT", "/v1/annotations/{name}", this::updateStream)
        .add("DELETE", "/v1/annotations/{name}", this::deleteStream)
        .add("GET", "/v1/annotations/{name}/{id}", this::getEvent)
        .add("PUT", "/v1/annotations/{name}/{id}", this::updateEvent)
        .add("DELETE", "/v1/annotations/{name}/{id}", this::deleteEvent)
        .add("POST", "/v1/annotations/{name}/{id}/links", this::createLink)
        .add("DELETE", "/v1/annotations/{name}/{id}/links/{rel}", this::deleteLink);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.write(new Changes().deleteAll(STREAMS).deleteAll(EVENTS));
      streams.clear();
      nextEventId = 1;
    }
  }

  private ApiResponse list(ApiRequest request) {
    Paging paging = Paging.of(request);
    Listing.orderBy(request, "name", List.of("name"));
    String name = request.query("name").orElse("");
    synchronized (lock) {
      List<Stream> found =
          streams.values().stream().filter(s -> Listing.containsIgnoreCase(s.name, name)).toList();
      Comparator<Stream> order = Comparator.comparing(Stream::name, String.CASE_INSENSITIVE_ORDER);
      return Listing.page(paging, "annotations", found, streams.size(), order, Stream::summary);
    }
  }

  private ApiResponse getStream(ApiRequest request) {
    EventQuery query = EventQuery.of(request);
    synchronized (lock) {
      Stream stream = existing(request.path("name"));
      ObjectNode out = stream.summary();
      if (query.asked()) {
        ObjectNode groups = query.select(stream.events.values());
        out.set("events", eventsAsList ? Json.array().add(groups) : groups);
      }
      return ApiResponse.json(200, out);
    }
  }

  private ApiResponse createEvent(ApiRequest request) {
    String name = request.path("name");
    FieldErrors errors = new FieldErrors();
    // Stream names follow the metric-name rule (the service's own rule is undocumented).
    if (!NameRules.validMetricName(name)) {
      errors.add("name", "may only contain A-Za-z0-9.:-_ (at most 255), was '" + name + "'");
    }
    ObjectNode event = EventParser.create(Json.body(request), request.now(), errors);
    errors.throwIfAny();
    synchronized (lock) {
      Stream stream = streams.get(name);
      long id = nextEventId++;
      ObjectNode stored = Json.object().put("id", id);
      stored.setAll(event);
      Changes changes = new Changes();
      if (stream == null) {
        stream = new Stream(name);
        changes.put(STREAMS, name, stream.summary());
      }
      resources.write(changes.put(EVENTS, id, eventDocument(name, stored)));
      streams.put(name, stream);
      stream.events.put(id, stored);
      return ApiResponse.json(201, stored).withHeader("Location", "/v1/annotations/" + name + "/" + id);
    }
  }

  /** Changes {@code display_name}; the Python library also sends {@code name}, which cannot change here. */
  private ApiResponse updateStream(ApiRequest request) {
    ObjectNode body = Json.body(request);
    JsonNode display = body.get("display_name");
    if (display != null && !display.isNull() && !display.isTextual()) {
      throw ApiError.params("display_name", "must be a string, was " + Json.show(display));
    }
    synchronized (lock) {
      Stream stream = existing(request.path("name"));
      if (display != null && !display.isNull()) {
        resources.put(STREAMS, stream.name, stream.summary().put("display_name", display.asText()));
        stream.displayName = display.asText();
      }
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse deleteStream(ApiRequest request) {
    synchronized (lock) {
      Stream stream = existing(request.path("name"));
      Changes changes = new Changes().delete(STREAMS, stream.name);
      stream.events.keySet().forEach(id -> changes.delete(EVENTS, id));
      resources.write(changes);
      streams.remove(stream.name);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse getEvent(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      return ApiResponse.json(200, existingEvent(request.path("name"), id));
    }
  }

  private ApiResponse updateEvent(ApiRequest request) {
    long id = request.pathId("id");
    ObjectNode body = Json.body(request);
    synchronized (lock) {
      ObjectNode old = existingEvent(request.path("name"), id);
      FieldErrors errors = new FieldErrors();
      ObjectNode updated = EventParser.update(old, body, errors);
      errors.throwIfAny();
      save(request.path("name"), id, updated);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse deleteEvent(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      existingEvent(request.path("name"), id);
      resources.delete(EVENTS, id);
      streams.get(request.path("name")).events.remove(id);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse createLink(ApiRequest request) {
    long id = request.pathId("id");
    ObjectNode body = Json.body(request);
    synchronized (lock) {
      ObjectNode event = existingEvent(request.path("name"), id).deepCopy();
      FieldErrors errors = new FieldErrors();
      ObjectNode link = EventParser.link(body, errors, "link");
      for (String required : new String[] {"rel", "href"}) {
        JsonNode v = body.get(required);
        if (v == null || v.isNull() || v.asText().isBlank()) {
          errors.add(required, "is not present");
        }
      }
      errors.throwIfAny();
      String rel = link.get("rel").asText();
      ArrayNode links = (ArrayNode) event.get("links");
      for (JsonNode existing : links) {
        if (existing.path("rel").asText().equals(rel)) {
          throw ApiError.alreadyExists("rel", "a link with rel '" + rel + "' already exists on event " + id);
        }
      }
      links.add(link);
      save(request.path("name"), id, event);
      return ApiResponse.json(201, link)
          .withHeader("Location", "/v1/annotations/" + request.path("name") + "/" + id + "/links/" + rel);
    }
  }

  private ApiResponse deleteLink(ApiRequest request) {
    long id = request.pathId("id");
    String rel = request.path("rel");
    synchronized (lock) {
      ObjectNode event = existingEvent(request.path("name"), id).deepCopy();
      ArrayNode links = (ArrayNode) event.get("links");
      for (int i = 0; i < links.size(); i++) {
        if (links.get(i).path("rel").asText().equals(rel)) {
          links.remove(i);
          save(request.path("name"), id, event);
          return ApiResponse.empty(204);
        }
      }
      throw Json.notFound("Link", rel + " on event " + id);
    }
  }

  /** Writes a changed event, then puts it in place of the one with its id. */
  private void save(String stream, long id, ObjectNode event) {
    resources.put(EVENTS, id, eventDocument(stream, event));
    streams.get(stream).events.put(id, event);
  }

  private Stream existing(String name) {
    return Json.existing(streams, name, "Annotation stream");
  }

  private ObjectNode existingEvent(String name, long id) {
    ObjectNode event = existing(name).events.get(id);
    if (event == null) {
      throw Json.notFound("Annotation event", id + " in stream " + name);
    }
    return event;
  }
}
