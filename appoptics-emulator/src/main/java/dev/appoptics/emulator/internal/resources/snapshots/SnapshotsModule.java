package dev.appoptics.emulator.internal.resources.snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.resources.jobs.JobsModule;
import dev.appoptics.emulator.internal.resources.spaces.SpacesModule;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Chart snapshots ({@code POST /v1/snapshots}, {@code GET /v1/snapshots/:id}). The emulator renders no images: a
 * snapshot's job completes (or fails, when the chart is gone by the time the job ends) and its {@code image_href}
 * stays {@code null}. {@code end_time} is taken as epoch seconds or as ISO-8601 text (the Go client sends the
 * latter). Each snapshot is a document of the resource store's {@code snapshots}. Thread-safe: one lock guards all
 * state.
 */
public final class SnapshotsModule implements ApiModule {
  private static final String SNAPSHOTS = "snapshots";
  /** The longest snapshot the reference allows: four weeks. */
  private static final long MAX_DURATION = 2_419_200;

  private final Object lock = new Object();
  private final SpacesModule spaces;
  private final JobsModule jobs;
  private final ResourceStore resources;
  private final Map<Long, ObjectNode> snapshots = new LinkedHashMap<>();
  private long nextId;

  public SnapshotsModule(SpacesModule spaces, JobsModule jobs, ResourceStore resources) {
    this.spaces = spaces;
    this.jobs = jobs;
    this.resources = resources;
    resources.load(SNAPSHOTS).forEach((id, snapshot) -> snapshots.put(Long.parseLong(id), (ObjectNode) snapshot));
    nextId = resources.highestId(SNAPSHOTS) + 1;
  }

  @Override
  public void register(Router router) {
    router.add("POST", "/v1/snapshots", this::create).add("GET", "/v1/snapshots/{id}", this::get);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.deleteAll(SNAPSHOTS);
      snapshots.clear();
      nextId = 1;
    }
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.body(request);
    FieldErrors errors = new FieldErrors();
    JsonNode chart = body.path("subject").path("chart");
    Optional<Long> chartId = Json.id(chart.get("id"));
    if (!chart.isObject() || chartId.isEmpty()) {
      errors.add("subject", "needs {\"chart\":{\"id\":…}}, was " + Json.show(body.get("subject")));
    } else if (spaces.chartType(chartId.get()).isEmpty()) {
      errors.add("subject", "no chart has id " + chartId.get());
    }
    long duration = duration(body, errors);
    long endTime = endTime(body, request.now(), errors);
    errors.throwIfAny();
    ObjectNode subject = chart.deepCopy();
    if (!subject.hasNonNull("type")) {
      subject.put("type", spaces.chartType(chartId.get()).orElse("line"));
    }
    String base = "http://" + request.header("host").orElse("localhost") + "/v1/";
    long jobId = jobs.start("the emulator renders no image", () -> chartGone(chartId.get()));
    synchronized (lock) {
      long id = nextId++;
      String now = iso(request.now());
      ObjectNode snapshot = Json.object();
      snapshot.put("href", base + "snapshots/" + id);
      snapshot.put("job_href", base + "jobs/" + jobId);
      snapshot.putNull("image_href");
      snapshot.put("duration", duration);
      snapshot.put("end_time", iso(endTime));
      snapshot.put("created_at", now);
      snapshot.put("updated_at", now);
      snapshot.putObject("subject").set("chart", subject);
      resources.put(SNAPSHOTS, id, snapshot);
      snapshots.put(id, snapshot);
      return ApiResponse.json(202, snapshot).withHeader("Location", "/v1/snapshots/" + id);
    }
  }

  private ApiResponse get(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      ObjectNode snapshot = Json.existing(snapshots, id, "Snapshot");
      return ApiResponse.json(200, snapshot);
    }
  }

  private Optional<ObjectNode> chartGone(long chartId) {
    if (spaces.chartType(chartId).isPresent()) {
      return Optional.empty();
    }
    ObjectNode errors = Json.object();
    errors.putArray("subject").add("chart " + chartId + " was deleted before the snapshot was rendered");
    return Optional.of(errors);
  }

  private static long duration(ObjectNode body, FieldErrors errors) {
    Optional<JsonNode> v = Json.present(body, "duration");
    if (v.isEmpty()) {
      return 3600;
    }
    JsonNode d = v.get();
    if (!d.isNumber() || !Json.isWholeNumber(d) || d.longValue() <= 0 || d.longValue() > MAX_DURATION) {
      errors.add("duration", "must be a whole number of seconds from 1 to " + MAX_DURATION + ", was " + Json.show(d));
      return 3600;
    }
    return d.longValue();
  }

  /** {@code end_time} as epoch seconds: a whole number, or ISO-8601 text such as {@code 2016-02-20T01:18:46Z}. */
  private static long endTime(ObjectNode body, long now, FieldErrors errors) {
    Optional<JsonNode> v = Json.present(body, "end_time");
    if (v.isEmpty()) {
      return now;
    }
    JsonNode t = v.get();
    if (t.isTextual()) {
      try {
        return OffsetDateTime.parse(t.asText()).toEpochSecond();
      } catch (DateTimeParseException e) {
        // reported below
      }
    } else if (t.isNumber() && Json.isWholeNumber(t) && t.longValue() > 0) {
      return t.longValue();
    }
    errors.add("end_time", "must be epoch seconds or an ISO-8601 time, was " + Json.show(t));
    return now;
  }

  private static String iso(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }
}
