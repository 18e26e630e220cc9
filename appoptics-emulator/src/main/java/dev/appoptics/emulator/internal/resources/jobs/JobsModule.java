package dev.appoptics.emulator.internal.resources.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Background jobs ({@code GET /v1/jobs/:id}). The emulator finishes work at once, so every job it hands out is
 * already {@code complete}; other areas answer 202 with {@code Location: /v1/jobs/:id} from {@link #complete}. Each
 * job is a document of the resource store's {@code jobs}. Thread-safe: one lock guards all state.
 */
public final class JobsModule implements ApiModule {
  private static final String JOBS = "jobs";

  private final Object lock = new Object();
  private final ResourceStore resources;
  private final Map<Long, ObjectNode> jobs = new LinkedHashMap<>();
  private long nextId;

  public JobsModule(ResourceStore resources) {
    this.resources = resources;
    resources.load(JOBS).forEach((id, job) -> jobs.put(Long.parseLong(id), (ObjectNode) job));
    nextId = resources.highestId(JOBS) + 1;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/v1/jobs/{id}", this::get);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      resources.deleteAll(JOBS);
      jobs.clear();
      nextId = 1;
    }
  }

  /** Records a finished job, optionally with an {@code output} note, and returns its id. */
  public long complete(String output) {
    synchronized (lock) {
      long id = nextId++;
      ObjectNode job = Json.object().put("id", id).put("state", "complete").put("progress", 100.0);
      if (output != null) {
        job.put("output", output);
      }
      resources.put(JOBS, id, job);
      jobs.put(id, job);
      return id;
    }
  }

  private ApiResponse get(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      ObjectNode job = Json.existing(jobs, id, "Job");
      return ApiResponse.json(200, job);
    }
  }
}
