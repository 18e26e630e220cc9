package dev.appoptics.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A background job of the service, as {@link AppOptics#getJob(long)} reads it: work that outlives one request, such
 * as rendering a {@link Snapshot}. {@link #state()} is authoritative; the other fields are present only when the
 * service reports them. Immutable.
 */
public final class Job {
  private final long id;
  private final JobState state;
  private final Double progress;
  private final String output;
  private final List<String> errors;

  Job(long id, JobState state, OptionalDouble progress, Optional<String> output, List<String> errors) {
    this.id = id;
    this.state = Objects.requireNonNull(state, "state");
    this.progress = progress.isPresent() ? progress.getAsDouble() : null;
    this.output = output.orElse(null);
    this.errors = List.copyOf(errors);
  }

  /** The job's id. */
  public long id() {
    return id;
  }

  /** Where the job is. */
  public JobState state() {
    return state;
  }

  /** How far the job got, 0 to 100, when the service says. */
  public OptionalDouble progress() {
    return progress == null ? OptionalDouble.empty() : OptionalDouble.of(progress);
  }

  /** What the job produced, when it reports anything. */
  public Optional<String> output() {
    return Optional.ofNullable(output);
  }

  /** Why a failed job failed, as "field: message"; empty otherwise. */
  public List<String> errors() {
    return errors;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Job j
        && id == j.id
        && state == j.state
        && Objects.equals(progress, j.progress)
        && Objects.equals(output, j.output)
        && errors.equals(j.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state, progress, output, errors);
  }

  @Override
  public String toString() {
    return "Job{id=" + id + ", state=" + state.wireName() + (progress == null ? "" : ", progress=" + progress)
        + (output == null ? "" : ", output=" + output) + (errors.isEmpty() ? "" : ", errors=" + errors) + "}";
  }
}
