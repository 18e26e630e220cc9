package dev.appoptics.emulator.internal.resources.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.ServiceSeed;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.Listing;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notification services ({@code /v1/services}): list, create, get, update, delete. The emulator starts with the
 * configured {@link ServiceSeed}s (ids 1…n) and returns to them on {@link #clear()}; a store that kept services
 * starts with those instead. Each service is a document of the resource store's {@code services}. Thread-safe: one
 * lock guards all state.
 */
public final class ServicesModule implements ApiModule {
  /** The types the service backends know; anything else is a 400 naming the type. */
  static final Set<String> TYPES =
      Set.of(
          "mail", "slack", "webhook", "zapier", "pagerduty", "campfire", "opsgenie", "victorops", "sns",
          "hipchat", "flowdock", "big_panda");

  private static final String SERVICES = "services";

  private final Object lock = new Object();
  private final ResourceStore resources;
  private final List<ServiceSeed> seeds;
  private final Map<Long, Service> services = new LinkedHashMap<>();
  private long nextId;

  public ServicesModule(List<ServiceSeed> seeds, ResourceStore resources) {
    this.seeds = List.copyOf(seeds);
    this.resources = resources;
    if (resources.highestId(SERVICES) == 0) {
      clear();
    } else {
      resources.load(SERVICES).forEach((id, doc) -> services.put(Long.parseLong(id), Service.of(doc)));
      nextId = resources.highestId(SERVICES) + 1;
    }
  }

  private record Service(long id, ObjectNode body, long updatedAt) {
    String title() {
      return body.path("title").asText();
    }

    ObjectNode document() {
      ObjectNode doc = Json.object().put("updated_at", updatedAt);
      doc.set("service", body);
      return doc;
    }

    static Service of(JsonNode document) {
      ObjectNode body = (ObjectNode) document.get("service");
      return new Service(body.get("id").asLong(), body, document.get("updated_at").asLong());
    }
  }

  @Override
  public void register(Router router) {
    router
        .add("GET", "/v1/services", this::list)
        .add("POST", "/v1/services", this::create)
        .add("GET", "/v1/services/{id}", this::get)
        .add("PUT", "/v1/services/{id}", this::update)
        .add("DELETE", "/v1/services/{id}", this::delete);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.deleteAll(SERVICES);
      services.clear();
      nextId = 1;
      for (ServiceSeed seed : seeds) {
        ObjectNode body = Json.object();
        body.put("type", seed.type()).put("title", seed.title());
        ObjectNode settings = body.putObject("settings");
        seed.settings().forEach(settings::put);
        store(body, 0);
      }
    }
  }

  /** The service as alerts show it, or empty when no service has this id. */
  public Optional<ObjectNode> find(long id) {
    synchronized (lock) {
      return Optional.ofNullable(services.get(id)).map(s -> s.body.deepCopy());
    }
  }

  private Service store(ObjectNode fields, long now) {
    long id = nextId++;
    ObjectNode body = Json.object();
    body.put("id", id);
    body.setAll(fields);
    Service service = new Service(id, body, now);
    resources.put(SERVICES, id, service.document());
    services.put(id, service);
    return service;
  }

  private ApiResponse list(ApiRequest request) {
    Paging paging = Paging.of(request);
    String orderBy = Listing.orderBy(request, "title", List.of("title", "updated_at"));
    Comparator<Service> order =
        orderBy.equals("title")
            ? Comparator.comparing(Service::title, String.CASE_INSENSITIVE_ORDER)
            : Comparator.comparingLong(Service::updatedAt);
    synchronized (lock) {
      List<Service> all = new ArrayList<>(services.values());
      return Listing.page(
          paging, "services", all, all.size(), order.thenComparingLong(Service::id), Service::body);
    }
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.body(request);
    FieldErrors errors = new FieldErrors();
    validateTitle(body, errors, true);
    validateType(body, errors, true);
    validateSettings(body, errors, true);
    errors.throwIfAny();
    ObjectNode fields = Json.object();
    fields.set("type", body.get("type"));
    fields.set("title", body.get("title"));
    fields.set("settings", body.get("settings"));
    synchronized (lock) {
      Service service = store(fields, request.now());
      return ApiResponse.json(201, service.body)
          .withHeader("Location", "/v1/services/" + service.id);
    }
  }

  private ApiResponse get(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      return ApiResponse.json(200, existing(id).body);
    }
  }

  /** Partial update: only the fields sent change (a title-only update is allowed). */
  private ApiResponse update(ApiRequest request) {
    long id = request.pathId("id");
    ObjectNode body = Json.body(request);
    FieldErrors errors = new FieldErrors();
    validateTitle(body, errors, false);
    validateType(body, errors, false);
    validateSettings(body, errors, false);
    synchronized (lock) {
      Service old = existing(id);
      errors.throwIfAny();
      ObjectNode updated = old.body.deepCopy();
      for (String field : List.of("type", "title", "settings")) {
        Json.present(body, field).ifPresent(v -> updated.set(field, v));
      }
      Service service = new Service(id, updated, request.now());
      resources.put(SERVICES, id, service.document());
      services.put(id, service);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse delete(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      existing(id);
      resources.delete(SERVICES, id);
      services.remove(id);
      return ApiResponse.empty(204);
    }
  }

  private Service existing(long id) {
    return Json.existing(services, id, "Service");
  }

  private static void validateTitle(ObjectNode body, FieldErrors errors, boolean required) {
    Optional<JsonNode> title = Json.present(body, "title");
    if (title.isEmpty()) {
      if (required) {
        errors.add("title", "is not present");
      }
    } else if (!title.get().isTextual() || title.get().asText().isBlank()) {
      errors.add("title", "must be a non-empty string, was " + Json.show(title.get()));
    }
  }

  private static void validateType(ObjectNode body, FieldErrors errors, boolean required) {
    Optional<JsonNode> type = Json.present(body, "type");
    if (type.isEmpty()) {
      if (required) {
        errors.add("type", "is not present");
      }
    } else if (!type.get().isTextual() || !TYPES.contains(type.get().asText())) {
      errors.add("type", "is not a known service type: " + Json.show(type.get()));
    }
  }

  private static void validateSettings(ObjectNode body, FieldErrors errors, boolean required) {
    Optional<JsonNode> settings = Json.present(body, "settings");
    if (settings.isEmpty()) {
      if (required) {
        errors.add("settings", "is not present");
      }
    } else if (!settings.get().isObject()) {
      errors.add("settings", "must be an object, was " + Json.show(settings.get()));
    }
  }
}
