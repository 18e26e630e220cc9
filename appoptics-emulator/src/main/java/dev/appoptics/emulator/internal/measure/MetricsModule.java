package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Metric metadata: list ({@code name} substring filter, paging), read, create or update by PUT, delete one or many,
 * batch update; {@code GET /v1/metrics?compose=…} is handed to {@link CompositeQueries}.
 */
public final class MetricsModule implements ApiModule {
  private final MetricRegistry registry;
  private final MeasurementStore store;
  private final CompositeQueries composites;

  public MetricsModule(EmulatorState state, CompositeQueries composites) {
    this.registry = state.registry();
    this.store = state.store();
    this.composites = composites;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/v1/metrics", this::list);
    router.add("PUT", "/v1/metrics", this::updateMany);
    router.add("DELETE", "/v1/metrics", this::deleteMany);
    router.add("GET", "/v1/metrics/{name}", this::get);
    router.add("PUT", "/v1/metrics/{name}", this::put);
    router.add("DELETE", "/v1/metrics/{name}", this::delete);
  }

  @Override
  public void clear() {
    registry.clear();
  }

  private ApiResponse list(ApiRequest request) {
    if (request.query("compose").isPresent()) {
      return composites.compose(request);
    }
    Paging paging = Paging.of(request);
    String needle = request.query("name").orElse("").toLowerCase(Locale.ROOT);
    MetricRegistry.Page page = registry.page(needle, paging.offset(), paging.length(), paging.descending());
    List<Map<String, Object>> items = new ArrayList<>(page.metrics().size());
    for (Metric m : page.metrics()) {
      items.add(m.toJson());
    }
    return ApiResponse.json(200, paging.body("metrics", items, page.found(), page.total()));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.json(200, find(request.path("name")).toJson());
  }

  private ApiResponse put(ApiRequest request) {
    String name = request.path("name");
    if (!NameRules.validMetricName(name)) {
      throw ApiError.params("name", name + " is not a valid metric name");
    }
    JsonNode body = request.json();
    Optional<Metric> existing = registry.get(name);
    Metric base =
        existing.orElseGet(() -> Metric.gauge(name, OptionalInt.empty(), Map.of()));
    Metric changed = MetricProperties.apply(base, body);
    if (existing.isPresent() && !existing.get().type().equals(changed.type())) {
      throw ApiError.params(
          "type", "cannot change from " + existing.get().type() + " to " + changed.type() + "; delete it first");
    }
    if (changed.isComposite()) {
      composites.validate(changed.composite().orElseThrow());
    }
    if (existing.isEmpty()) {
      if (!changed.isComposite()) {
        Map<String, Object> attrs = new java.util.LinkedHashMap<>(changed.attributes());
        attrs.putIfAbsent("created_by_ua", request.header("user-agent").orElse(""));
        changed = new Metric(changed.name(), changed.type(), changed.displayName(), changed.description(),
            changed.period(), changed.composite(), attrs);
      }
      if (registry.put(changed)) {
        return ApiResponse.json(201, changed.toJson()).withHeader("Location", "/v1/metrics/" + changed.name());
      }
    }
    Metric update = changed;
    registry.update(name, m -> update);
    return ApiResponse.empty(204);
  }

  private ApiResponse delete(ApiRequest request) {
    String name = request.path("name");
    if (!registry.remove(name)) {
      throw ApiError.notFound("Metric " + name + " not found");
    }
    store.removeMetric(name);
    return ApiResponse.empty(204);
  }

  private ApiResponse deleteMany(ApiRequest request) {
    for (Metric m : selected(request, request.json())) {
      registry.remove(m.name());
      store.removeMetric(m.name());
    }
    return ApiResponse.empty(204);
  }

  private ApiResponse updateMany(ApiRequest request) {
    JsonNode body = request.json();
    JsonNode properties = withoutSelection(body);
    for (Metric m : selected(request, body)) {
      Metric changed = MetricProperties.apply(m, properties);
      registry.update(m.name(), old -> changed);
    }
    return ApiResponse.empty(204);
  }

  private static JsonNode withoutSelection(JsonNode body) {
    if (!body.isObject()) {
      return body;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = body.deepCopy();
    copy.remove(List.of("names", "exclude", "type", "composite", "name"));
    return copy;
  }

  /**
   * The metrics named by {@code names} (a list, or one pattern with {@code *}) minus {@code exclude}, from the query
   * and the request's {@code body}.
   */
  private List<Metric> selected(ApiRequest request, JsonNode body) {
    List<String> names = new ArrayList<>(request.queryAll("names"));
    List<String> exclude = new ArrayList<>(request.queryAll("exclude"));
    if (body.isObject()) {
      strings(body.get("names"), "names", names);
      strings(body.get("exclude"), "exclude", exclude);
    }
    if (names.isEmpty()) {
      throw ApiError.params("names", "is required: a list of metric names or one pattern");
    }
    List<Metric> out = new ArrayList<>();
    for (String pattern : names) {
      for (Metric m : registry.find(pattern)) {
        boolean excluded = exclude.stream().anyMatch(x -> Wildcards.matches(x, m.name()));
        if (!excluded && out.stream().noneMatch(o -> o.name().equals(m.name()))) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static void strings(JsonNode node, String field, List<String> into) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isTextual()) {
      into.add(node.asText());
      return;
    }
    if (!node.isArray()) {
      throw ApiError.params(field, "must be a list of names or one pattern string, got " + node);
    }
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        throw ApiError.params(field, "must hold strings only, got " + n);
      }
      into.add(n.asText());
    }
  }

  private Metric find(String name) {
    return registry.get(name).orElseThrow(() -> ApiError.notFound("Metric " + name + " not found"));
  }
}
