package dev.appoptics.emulator.internal.resources.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.resources.Json;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Background jobs ({@code GET /v1/jobs/:id}). Other areas {@link #start} a job and answer 202 with its URI. A job
 * runs for the configured duration: {@code queued} for its first tenth, then {@code working} with a growing
 * {@code progress}, then it ends. Its outcome is decided when it ends (at once for a zero duration, otherwise when it
 * is first read after its time is up): {@code failed} with the {@code errors} its check reports, else
 * {@code complete}. Each job is a document of the resource store's {@code jobs}, written when it starts and when it
 * ends; a job still running when the emulator stopped completes after a restart (its check does not outlive the
 * process). Thread-safe: one lock guards all state.
 */
public final class JobsModule implements ApiModule {
  private static final String JOBS = "jobs";

  private final Clock clock;
  private final Duration duration;
  private final ResourceStore resources;
  private final Object lock = new Object();
  private final Map<Long, Job> jobs = new LinkedHashMap<>();
  private long nextId;

  /** One job; its outcome is set once, guarded by the module's lock. */
  private static final class Job {
    final long id;
    final long startMillis;
    final String output;
    final Supplier<Optional<ObjectNode>> failure;
    ObjectNode outcome;

    Job(long id, long startMillis, String output, Supplier<Optional<ObjectNode>> failure) {
      this.id = id;
      this.startMillis = startMillis;
      this.output = output;
      this.failure = failure;
    }

    /** The job as the resource store keeps it. */
    ObjectNode document() {
      ObjectNode doc = Json.object().put("id", id).put("start_millis", startMillis).put("output", output);
      return outcome == null ? doc : (ObjectNode) doc.set("outcome", outcome);
    }

    static Job of(JsonNode doc) {
      Job job = new Job(doc.get("id").asLong(), doc.get("start_millis").asLong(), doc.get("output").asText(null),
          Optional::empty);
      job.outcome = doc.hasNonNull("outcome") ? (ObjectNode) doc.get("outcome") : null;
      return job;
    }
  }

  public JobsModule(Clock clock, Duration duration, ResourceStore resources) {
    this.clock = clock;
    this.duration = duration;
    this.resources = resources;
    resources.load(JOBS).forEach((id, doc) -> jobs.put(Long.parseLong(id), Job.of(doc)));
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

  /**
   * Starts a job and returns its id. When it ends, {@code failure} is asked for the errors that make it fail ({@code
   * {field:[messages]}}); none means it completes, with {@code output} as its output note.
   */
  public long start(String output, Supplier<Optional<ObjectNode>> failure) {
    synchronized (lock) {
      Job job = new Job(nextId++, clock.millis(), output, failure);
      if (duration.isZero()) {
        job.outcome = outcome(job);
      }
      resources.put(JOBS, job.id, job.document());
      jobs.put(job.id, job);
      return job.id;
    }
  }

  private ApiResponse get(ApiRequest request) {
    long id = request.pathId("id");
    synchronized (lock) {
      return ApiResponse.json(200, state(Json.existing(jobs, id, "Job")));
    }
  }

  private ObjectNode state(Job job) {
    long elapsed = clock.millis() - job.startMillis;
    long total = duration.toMillis();
    if (job.outcome == null && elapsed >= total) {
      ObjectNode outcome = outcome(job);
      resources.put(JOBS, job.id, job.document().set("outcome", outcome));
      job.outcome = outcome;
    }
    if (job.outcome != null) {
      return job.outcome;
    }
    ObjectNode running = Json.object().put("id", job.id);
    if (elapsed * 10 < total) {
      return running.put("state", "queued");
    }
    return running.put("state", "working").put("progress", Math.floor(10_000.0 * elapsed / total) / 100);
  }

  /** How the job ends, decided now. */
  private static ObjectNode outcome(Job job) {
    Optional<ObjectNode> errors = job.failure.get();
    ObjectNode outcome = Json.object().put("id", job.id);
    if (errors.isPresent()) {
      outcome.put("state", "failed").set("errors", errors.get());
    } else {
      outcome.put("state", "complete").put("progress", 100.0).put("output", job.output);
    }
    return outcome;
  }
}
