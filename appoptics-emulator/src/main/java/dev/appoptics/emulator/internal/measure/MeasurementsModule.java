package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/measurements}, {@code GET /v1/measurements/:name} and {@code GET /v1/measurements?compose=…}
 * (handed to {@link CompositeQueries}).
 */
public final class MeasurementsModule implements ApiModule {
  private final EmulatorSettings settings;
  private final EmulatorState state;
  private final MeasurementStore store;
  private final CompositeQueries composites;
  private final TagSetCache tagSets = new TagSetCache();

  public MeasurementsModule(EmulatorSettings settings, EmulatorState state, CompositeQueries composites) {
    this.settings = settings;
    this.state = state;
    this.store = state.store();
    this.composites = composites;
  }

  @Override
  public void register(Router router) {
    router.add("POST", "/v1/measurements", this::submit);
    router.add("GET", "/v1/measurements", this::compose);
    router.add("GET", "/v1/measurements/{name}", this::query);
  }

  @Override
  public void clear() {
    store.clear();
    store.registry().clear();
  }

  private ApiResponse submit(ApiRequest request) {
    String type = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json") && !type.matches("application/[a-z.+-]*\\+json.*")) {
      throw ApiError.request(
          415, "Content-Type must be application/json, got " + (type.isEmpty() ? "none" : "'" + type + "'"));
    }
    MeasurementParser parser =
        new MeasurementParser(
            request.now(),
            settings.pastLimit().getSeconds(),
            settings.futureLimit().getSeconds(),
            settings.lowercaseTagValues(),
            tagSets);
    List<ParsedMeasurement> batch = parser.parse(request.body());
    state.admitBatch(batch);
    long stored = store.write(batch, request.header("user-agent").orElse(""), request.now());
    state.batchAccepted(batch, request.now());
    long filtered = batch.size() - stored;
    String body =
        "{\"measurements\":{\"summary\":{\"total\":"
            + batch.size()
            + ",\"accepted\":"
            + (batch.size() - filtered)
            + ",\"failed\":0,\"filtered\":"
            + filtered
            + "}},\"errors\":[]}";
    return ApiResponse.rawJson(202, body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse compose(ApiRequest request) {
    if (request.query("compose").isEmpty()) {
      throw ApiError.params("compose", "is required (or use /v1/measurements/:name)");
    }
    return composites.compose(request);
  }

  private ApiResponse query(ApiRequest request) {
    String name = request.path("name");
    Metric metric =
        store.registry().get(name).orElseThrow(() -> ApiError.notFound("Metric " + name + " not found"));
    if (metric.isComposite()) {
      return composites.queryPersisted(metric, request);
    }
    return new MeasurementQuery(request, settings, store).run(metric, store.series(metric.name()));
  }
}
