package dev.appoptics.emulator.internal.resources.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.Listing;
import dev.appoptics.emulator.internal.store.Changes;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spaces and their charts ({@code /v1/spaces}, {@code /v1/spaces/:id/charts}). Charts and their streams are kept as
 * given (every field comes back), streams get ids and a derived {@code type}. The chart list is a bare array, a chart
 * update answers 200 with the chart, and a chart create's {@code Location} is the space's, all as the service does.
 * Space names are not unique unless configured so. Spaces (with their chart ids) and charts are documents of the
 * resource store's {@code spaces} and {@code charts}; a change is written before it replaces what memory holds.
 * Thread-safe: one lock guards all state.
 */
public final class SpacesModule implements ApiModule {
  private static final List<String> CHART_DEFAULTS =
      List.of("min", "max", "label", "related_space", "thresholds");

  private static final String SPACES = "spaces";
  private static final String CHARTS = "charts";

  private final boolean uniqueNames;
  private final Object lock = new Object();
  private final ResourceStore resources;
  private final Map<Long, Space> spaces = new LinkedHashMap<>();
  private final Map<Long, ObjectNode> charts = new LinkedHashMap<>();
  private long nextSpaceId;
  private long nextChartId;
  private long nextStreamId = 1;

  /** {@code uniqueNames}: refuse a name another space has (ignoring case) with 422, instead of accepting it. */
  public SpacesModule(boolean uniqueNames, ResourceStore resources) {
    this.uniqueNames = uniqueNames;
    this.resources = resources;
    resources.load(SPACES).forEach((id, doc) -> spaces.put(Long.parseLong(id), Space.of(doc)));
    resources.load(CHARTS).forEach((id, chart) -> charts.put(Long.parseLong(id), (ObjectNode) chart));
    nextSpaceId = resources.highestId(SPACES) + 1;
    nextChartId = resources.highestId(CHARTS) + 1;
    for (ObjectNode chart : charts.values()) {
      chart.path("streams").forEach(st -> nextStreamId = Math.max(nextStreamId, st.path("id").asLong() + 1));
    }
  }

  /** One space; mutable, guarded by the module's lock. */
  private static final class Space {
    final long id;
    String name;
    JsonNode tags;
    final List<Long> chartIds = new ArrayList<>();

    Space(long id, String name) {
      this.id = id;
      this.name = name;
    }

    String name() {
      return name;
    }

    ObjectNode summary() {
      ObjectNode out = Json.object().put("id", id).put("name", name);
      if (tags != null) {
        out.set("tags", tags);
      }
      return out;
    }

    /** The space as the resource store keeps it: its summary and its chart ids. */
    ObjectNode document() {
      ObjectNode doc = summary();
      ArrayNode ids = doc.putArray("chart_ids");
      chartIds.forEach(ids::add);
      return doc;
    }

    static Space of(JsonNode doc) {
      Space space = new Space(doc.get("id").asLong(), doc.get("name").asText());
      space.tags = doc.get("tags");
      doc.get("chart_ids").forEach(c -> space.chartIds.add(c.asLong()));
      return space;
    }

    Space copy() {
      return of(document());
    }
  }

  @Override
  public void register(Router router) {
    router
        .add("GET", "/v1/spaces", this::list)
        .add("POST", "/v1/spaces", this::create)
        .add("GET", "/v1/spaces/{id}", this::get)
        .add("PUT", "/v1/spaces/{id}", this::update)
        .add("DELETE", "/v1/spaces/{id}", this::delete)
        .add("GET", "/v1/spaces/{id}/charts", this::listCharts)
        .add("POST", "/v1/spaces/{id}/charts", this::createChart)
        .add("GET", "/v1/spaces/{id}/charts/{chartId}", this::getChart)
        .add("PUT", "/v1/spaces/{id}/charts/{chartId}", this::updateChart)
        .add("DELETE", "/v1/spaces/{id}/charts/{chartId}", this::deleteChart);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.write(new Changes().deleteAll(SPACES).deleteAll(CHARTS));
      spaces.clear();
      charts.clear();
      nextSpaceId = 1;
      nextChartId = 1;
      nextStreamId = 1;
    }
  }

  /** The type of the chart with this id, in any space, or empty when there is none (snapshots name charts). */
  public Optional<String> chartType(long chartId) {
    synchronized (lock) {
      return Optional.ofNullable(charts.get(chartId)).map(c -> c.get("type").asText());
    }
  }

  private ApiResponse list(ApiRequest request) {
    Paging paging = Paging.of(request);
    Listing.orderBy(request, "name", List.of("name"));
    String name = request.query("name").orElse("");
    synchronized (lock) {
      List<Space> found =
          spaces.values().stream().filter(s -> Listing.containsIgnoreCase(s.name, name)).toList();
      Comparator<Space> order =
          Comparator.comparing(Space::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(s -> s.id);
      return Listing.page(
          paging, "spaces", found, spaces.size(), order, s -> Json.object().put("id", s.id).put("name", s.name));
    }
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.body(request);
    String name = spaceName(body);
    synchronized (lock) {
      checkUniqueName(name, 0);
      Space space = new Space(nextSpaceId++, name);
      Json.present(body, "tags").ifPresent(t -> space.tags = t);
      resources.put(SPACES, space.id, space.document());
      spaces.put(space.id, space);
      return ApiResponse.json(201, space.summary()).withHeader("Location", "/v1/spaces/" + space.id);
    }
  }

  private ApiResponse get(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      Space space = existing(id);
      ObjectNode out = space.summary();
      ArrayNode ids = out.putArray("charts");
      space.chartIds.forEach(c -> ids.addObject().put("id", c));
      return ApiResponse.json(200, out);
    }
  }

  private ApiResponse update(ApiRequest request) {
    long id = request.pathId("id");
    ObjectNode body = Json.body(request);
    synchronized (lock) {
      Space space = existing(id).copy();
      String name = spaceName(body);
      checkUniqueName(name, id);
      space.name = name;
      Json.present(body, "tags").ifPresent(t -> space.tags = t);
      resources.put(SPACES, id, space.document());
      spaces.put(id, space);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse delete(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      Space space = existing(id);
      Changes changes = new Changes().delete(SPACES, id);
      space.chartIds.forEach(c -> changes.delete(CHARTS, c));
      resources.write(changes);
      space.chartIds.forEach(charts::remove);
      spaces.remove(id);
      return ApiResponse.empty(204);
    }
  }

  private ApiResponse listCharts(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      ArrayNode out = Json.array();
      existing(id).chartIds.forEach(c -> out.add(charts.get(c)));
      return ApiResponse.json(200, out);
    }
  }

  private ApiResponse createChart(ApiRequest request) {
    long spaceId = request.pathId("id");
    ObjectNode body = Json.body(request);
    synchronized (lock) {
      Space space = existing(spaceId).copy();
      ObjectNode fields = Json.object();
      fields.putNull("name");
      fields.put("type", "line");
      fields.putArray("streams");
      CHART_DEFAULTS.forEach(fields::putNull);
      ObjectNode chart = merge(fields, body, Set.of());
      long chartId = nextChartId++;
      ObjectNode stored = Json.object().put("id", chartId);
      stored.setAll(chart);
      space.chartIds.add(chartId);
      resources.write(new Changes().put(CHARTS, chartId, stored).put(SPACES, spaceId, space.document()));
      charts.put(chartId, stored);
      spaces.put(spaceId, space);
      return ApiResponse.json(201, stored).withHeader("Location", "/v1/spaces/" + spaceId);
    }
  }

  private ApiResponse getChart(ApiRequest request) {
    long spaceId = request.pathId("id");
    long chartId = request.pathId("chartId");
    synchronized (lock) {
      return ApiResponse.json(200, existingChart(spaceId, chartId));
    }
  }

  /** Fields sent replace the stored ones; {@code streams}, when sent, replace all streams. */
  private ApiResponse updateChart(ApiRequest request) {
    long spaceId = request.pathId("id");
    long chartId = request.pathId("chartId");
    ObjectNode body = Json.body(request);
    synchronized (lock) {
      ObjectNode old = existingChart(spaceId, chartId);
      Set<Long> streamIds = new HashSet<>();
      old.get("streams").forEach(s -> streamIds.add(s.path("id").asLong()));
      ObjectNode base = old.deepCopy();
      base.remove("id");
      ObjectNode chart = merge(base, body, streamIds);
      ObjectNode stored = Json.object().put("id", chartId);
      stored.setAll(chart);
      resources.put(CHARTS, chartId, stored);
      charts.put(chartId, stored);
      return ApiResponse.json(200, stored);
    }
  }

  private ApiResponse deleteChart(ApiRequest request) {
    long spaceId = request.pathId("id");
    long chartId = request.pathId("chartId");
    synchronized (lock) {
      existingChart(spaceId, chartId);
      Space space = existing(spaceId).copy();
      space.chartIds.remove(chartId);
      resources.write(new Changes().delete(CHARTS, chartId).put(SPACES, spaceId, space.document()));
      charts.remove(chartId);
      spaces.put(spaceId, space);
      return ApiResponse.empty(204);
    }
  }

  /**
   * The chart {@code base} with {@code given}'s fields laid over it, validated, its streams numbered (a stream keeps
   * an id it sent when that id is one of {@code keepIds}, the chart's current streams).
   */
  private ObjectNode merge(ObjectNode base, ObjectNode given, Set<Long> keepIds) {
    ObjectNode chart = base.deepCopy();
    given.fields().forEachRemaining(e -> {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.equals("id") || (value.isNull() && (key.equals("type") || key.equals("streams")))) {
        return;
      }
      chart.set(key, value);
    });
    FieldErrors errors = new FieldErrors();
    ChartParser.validate(chart, errors);
    errors.throwIfAny();
    if (given.hasNonNull("streams")) {
      ArrayNode streams = Json.array();
      for (JsonNode s : chart.get("streams")) {
        Optional<Long> sent = Json.id(s.get("id"));
        long id = sent.filter(keepIds::contains).orElseGet(() -> nextStreamId++);
        streams.add(ChartParser.normalizeStream((ObjectNode) s, id));
      }
      chart.set("streams", streams);
    }
    return chart;
  }

  private static String spaceName(ObjectNode body) {
    Optional<JsonNode> name = Json.present(body, "name");
    if (name.isEmpty() || (name.get().isTextual() && name.get().asText().isBlank())) {
      throw ApiError.params("name", "is not present");
    }
    if (!name.get().isTextual()) {
      throw ApiError.params("name", "must be a string, was " + Json.show(name.get()));
    }
    return name.get().asText();
  }

  private void checkUniqueName(String name, long self) {
    if (!uniqueNames) {
      return;
    }
    for (Space s : spaces.values()) {
      if (s.id != self && s.name.equalsIgnoreCase(name)) {
        throw ApiError.alreadyExists("name", "a space named '" + name + "' already exists");
      }
    }
  }

  private Space existing(long id) {
    return Json.existing(spaces, id, "Space");
  }

  private ObjectNode existingChart(long spaceId, long chartId) {
    Space space = existing(spaceId);
    if (!space.chartIds.contains(chartId)) {
      throw Json.notFound("Chart", chartId + " in space " + spaceId);
    }
    return charts.get(chartId);
  }
}
