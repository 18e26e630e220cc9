package dev.appoptics.emulator.internal.resources.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.alerting.AlertCatalog;
import dev.appoptics.emulator.internal.alerting.AlertRule;
import dev.appoptics.emulator.internal.alerting.AlertRules;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.Listing;
import dev.appoptics.emulator.internal.resources.services.ServicesModule;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts, version 2 ({@code /v1/alerts}): CRUD and service attachment. A create answers without {@code conditions}
 * and {@code services}, as the service does; reads show services as full service objects (a deleted service simply
 * disappears from its alerts). Evaluation, status and clearing live in {@code internal.alerting}, which reads the
 * alerts through {@link AlertCatalog}. Each alert is a document of the resource store's {@code alerts}; a change is
 * made on a copy that replaces the alert once written. Thread-safe: one lock guards all state, and nothing else is
 * called under it but the resource store.
 */
public final class AlertsModule implements ApiModule, AlertCatalog {
  private static final String ALERTS = "alerts";

  private final Object lock = new Object();
  private final ServicesModule services;
  private final ResourceStore resources;
  private final Map<Long, StoredAlert> alerts = new LinkedHashMap<>();
  private long nextId;
  private long nextConditionId = 1;

  public AlertsModule(ServicesModule services, ResourceStore resources) {
    this.services = services;
    this.resources = resources;
    resources.load(ALERTS).forEach((id, doc) -> alerts.put(Long.parseLong(id), StoredAlert.of(doc)));
    nextId = resources.highestId(ALERTS) + 1;
    for (StoredAlert a : alerts.values()) {
      a.conditionIds().forEach(c -> nextConditionId = Math.max(nextConditionId, c + 1));
    }
  }

  @Override
  public void register(Router router) {
    router
        .add("GET", "/v1/alerts", this::list)
        .add("POST", "/v1/alerts", this::create)
        .add("GET", "/v1/alerts/{id}", this::get)
        .add("PUT", "/v1/alerts/{id}", this::update)
        .add("DELETE", "/v1/alerts/{id}", this::delete)
        .add("POST", "/v1/alerts/{id}/services", this::attach)
        .add("DELETE", "/v1/alerts/{id}/services/{serviceId}", this::detach);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.deleteAll(ALERTS);
      alerts.clear();
      nextId = 1;
      nextConditionId = 1;
    }
  }

  @Override
  public List<AlertRule> rules() {
    synchronized (lock) {
      List<AlertRule> out = new ArrayList<>(alerts.size());
      for (StoredAlert a : alerts.values()) {
        out.add(rule(a));
      }
      return out;
    }
  }

  @Override
  public Optional<AlertRule> rule(long id) {
    synchronized (lock) {
      return Optional.ofNullable(alerts.get(id)).map(AlertsModule::rule);
    }
  }

  private static AlertRule rule(StoredAlert a) {
    return AlertRules.from(a.id, a.updatedAt, a.fields, a.serviceIds);
  }

  private ApiResponse list(ApiRequest request) {
    Paging paging = Paging.of(request);
    Listing.orderBy(request, "updated_at", List.of("updated_at"));
    String name = request.query("name").orElse("");
    String version = request.query("version").orElse("2");
    if (!version.equals("1") && !version.equals("2")) {
      throw ApiError.params("version", "must be 1 or 2, was " + version);
    }
    synchronized (lock) {
      List<StoredAlert> found = new ArrayList<>();
      for (StoredAlert a : alerts.values()) {
        if (version.equals("2") && Listing.containsIgnoreCase(a.name(), name)) {
          found.add(a);
        }
      }
      Comparator<StoredAlert> order = Comparator.comparingLong(StoredAlert::updatedAt).thenComparingLong(a -> a.id);
      return Listing.page(paging, "alerts", found, alerts.size(), order, this::render);
    }
  }

  private ApiResponse create(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    AlertParser.Parsed parsed = AlertParser.parse(Json.body(request), errors);
    synchronized (lock) {
      checkServices(parsed.serviceIds(), errors);
      errors.throwIfAny();
      checkUniqueName(parsed.name(), 0);
      long id = nextId++;
      StoredAlert alert = new StoredAlert(id, request.now());
      apply(alert, parsed, request.now());
      save(alert);
      ObjectNode answer = render(alert);
      // The service leaves these out of the create answer; clients re-fetch the alert to see them.
      answer.remove("conditions");
      answer.remove("services");
      return ApiResponse.json(201, answer).withHeader("Location", "/v1/alerts/" + id);
    }
  }

  private ApiResponse get(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      return ApiResponse.json(200, render(existing(id)));
    }
  }

  /** A full replace: conditions, services and attributes left out are removed. */
  private ApiResponse update(ApiRequest request) {
    long id = request.pathId("id");
    FieldErrors errors = new FieldErrors();
    AlertParser.Parsed parsed = AlertParser.parse(Json.body(request), errors);
    synchronized (lock) {
      StoredAlert alert = existing(id).copy();
      checkServices(parsed.serviceIds(), errors);
      errors.throwIfAny();
      checkUniqueName(parsed.name(), id);
      apply(alert, parsed, request.now());
      save(alert);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse delete(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      existing(id);
      resources.delete(ALERTS, id);
      alerts.remove(id);
      return ApiResponse.empty(204);
    }
  }

  /** Body {@code {"service": id}} (JSON) or {@code service=id} (form or query). */
  private ApiResponse attach(ApiRequest request) {
    long id = request.pathId("id");
    Optional<Long> serviceId = ServiceParam.of(request);
    synchronized (lock) {
      StoredAlert alert = existing(id).copy();
      if (serviceId.isEmpty()) {
        throw ApiError.params("service", "is not present");
      }
      long sid = serviceId.get();
      if (services.find(sid).isEmpty()) {
        throw ApiError.params("service", "no service has id " + sid);
      }
      if (alert.serviceIds.contains(sid)) {
        throw ApiError.alreadyExists("service", "service " + sid + " already exists on alert " + id);
      }
      alert.serviceIds.add(sid);
      alert.updatedAt = request.now();
      save(alert);
      return ApiResponse.empty(201).withHeader("Location", "/v1/alerts/" + id + "/services/" + sid);
    }
  }

  private ApiResponse detach(ApiRequest request) {
    long id = request.pathId("id");
    long sid = request.pathId("serviceId");
    synchronized (lock) {
      StoredAlert alert = existing(id).copy();
      if (!alert.serviceIds.remove(sid)) {
        throw Json.notFound("Service", sid + " on alert " + id);
      }
      alert.updatedAt = request.now();
      save(alert);
      return ApiResponse.empty(204);
    }
  }

  private void checkServices(List<Long> ids, FieldErrors errors) {
    for (long sid : ids) {
      if (services.find(sid).isEmpty()) {
        errors.add("services", "no service has id " + sid);
      }
    }
  }

  private void checkUniqueName(String name, long self) {
    for (StoredAlert a : alerts.values()) {
      if (a.id != self && a.name().equalsIgnoreCase(name)) {
        throw ApiError.alreadyExists("name", "an alert named '" + name + "' already exists");
      }
    }
  }

  /** Writes the alert, then puts it in place of the one with its id. */
  private void save(StoredAlert alert) {
    resources.put(ALERTS, alert.id, alert.document());
    alerts.put(alert.id, alert);
  }

  private void apply(StoredAlert alert, AlertParser.Parsed parsed, long now) {
    ArrayNode conditions = Json.array();
    for (JsonNode c : parsed.conditions()) {
      ObjectNode condition = Json.object();
      long cid = c.has("id") && alert.conditionIds().contains(c.get("id").asLong())
          ? c.get("id").asLong()
          : nextConditionId++;
      condition.put("id", cid);
      ((ObjectNode) c).remove("id");
      condition.setAll((ObjectNode) c);
      conditions.add(condition);
    }
    ObjectNode fields = Json.object();
    fields.put("name", parsed.name());
    fields.set("description", parsed.description());
    fields.set("conditions", conditions);
    fields.set("attributes", parsed.attributes());
    fields.put("active", parsed.active());
    fields.put("rearm_seconds", parsed.rearmSeconds());
    fields.put("rearm_per_signal", parsed.rearmPerSignal());
    fields.put("md", parsed.md());
    alert.fields = fields;
    alert.serviceIds = new ArrayList<>(parsed.serviceIds());
    alert.updatedAt = now;
  }

  private ObjectNode render(StoredAlert alert) {
    ObjectNode out = Json.object();
    out.put("id", alert.id);
    out.set("name", alert.fields.get("name"));
    out.set("description", alert.fields.get("description"));
    out.set("conditions", alert.fields.get("conditions").deepCopy());
    ArrayNode shown = out.putArray("services");
    for (long sid : alert.serviceIds) {
      services.find(sid).ifPresent(shown::add);
    }
    for (String f : List.of("attributes", "active", "rearm_seconds", "rearm_per_signal", "md")) {
      out.set(f, alert.fields.get(f).deepCopy());
    }
    out.put("version", 2);
    out.put("created_at", alert.createdAt);
    out.put("updated_at", alert.updatedAt);
    return out;
  }

  private StoredAlert existing(long id) {
    return Json.existing(alerts, id, "Alert");
  }
}
