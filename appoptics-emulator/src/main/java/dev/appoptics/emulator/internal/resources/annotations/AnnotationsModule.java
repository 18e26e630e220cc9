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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annotation streams and their events and links ({@code /v1/annotations}). A stream is created by the first event
 * posted to it. Reading a stream with a time window, {@code count} or {@code sources} lists its events grouped by
 * source: {@code "events":{"unassigned":[…],"host1":[…]}} as the live service answers, or, when configured, in the
 * documented list form {@code "events":[{"unassigned":[…],"host1":[…]}]}. Thread-safe: one lock guards all state.
 */
public final class AnnotationsModule implements ApiModule {
  private final boolean eventsAsList;
  private final Object lock = new Object();
  private final Map<String, Stream> streams = new LinkedHashMap<>();
  private long nextEventId = 1;

  /** {@code eventsAsList}: group a stream's events in the documented list form rather than the object form. */
  public AnnotationsModule(boolean eventsAsList) {
    this.eventsAsList = eventsAsList;
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
      Stream stream = streams.computeIfAbsent(name, Stream::new);
      long id = nextEventId++;
      ObjectNode stored = Json.object().put("id", id);
      stored.setAll(event);
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
        stream.displayName = display.asText();
      }
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse deleteStream(ApiRequest request) {
    synchronized (lock) {
      existing(request.path("name"));
      streams.remove(request.path("name"));
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
      old.setAll(updated);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse deleteEvent(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      existingEvent(request.path("name"), id);
      streams.get(request.path("name")).events.remove(id);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse createLink(ApiRequest request) {
    long id = request.pathId("id");
    ObjectNode body = Json.body(request);
    synchronized (lock) {
      ObjectNode event = existingEvent(request.path("name"), id);
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
      return ApiResponse.json(201, link)
          .withHeader("Location", "/v1/annotations/" + request.path("name") + "/" + id + "/links/" + rel);
    }
  }

  private ApiResponse deleteLink(ApiRequest request) {
    long id = request.pathId("id");
    String rel = request.path("rel");
    synchronized (lock) {
      ArrayNode links = (ArrayNode) existingEvent(request.path("name"), id).get("links");
      for (int i = 0; i < links.size(); i++) {
        if (links.get(i).path("rel").asText().equals(rel)) {
          links.remove(i);
          return ApiResponse.empty(204);
        }
      }
      throw Json.notFound("Link", rel + " on event " + id);
    }
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
