package dev.appoptics.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot: a PNG image of a chart over a time span, rendered by the service in a background {@link Job}. Build the
 * request with {@link #builder(Chart)} and send it with {@link AppOptics#createSnapshot}; the answer carries the id,
 * the job's id and, once the job has rendered it, the image's address. Immutable.
 *
 * <pre>{@code
 * Snapshot requested = api.createSnapshot(Snapshot.builder(chart).duration(Duration.ofHours(6)).build());
 * api.waitForJob(requested.jobId().getAsLong(), Duration.ofMinutes(1));
 * Optional<String> png = api.getSnapshot(requested.id().getAsLong()).imageHref();
 * }</pre>
 */
public final class Snapshot {
  /** The longest span the API renders: four weeks. */
  public static final Duration MAX_DURATION = Duration.ofDays(28);

  private final long chartId;
  private final ChartType chartType;
  private final Duration duration;
  private final Instant endTime;
  private final Long id;
  private final Long jobId;
  private final String imageHref;
  private final Instant createdAt;
  private final Instant updatedAt;

  private Snapshot(Builder b) {
    chartId = b.chartId;
    chartType = b.chartType;
    duration = b.duration;
    endTime = b.endTime;
    id = b.id;
    jobId = b.jobId;
    imageHref = b.imageHref;
    createdAt = b.createdAt;
    updatedAt = b.updatedAt;
  }

  /** Starts a snapshot of the chart with this id; the service takes the chart's type. */
  public static Builder builder(long chartId) {
    return new Builder(chartId);
  }

  /** Starts a snapshot of a saved chart (it must have an id), with the chart's type. */
  public static Builder builder(Chart chart) {
    Check.notNull("chart", chart);
    long id = chart.id().orElseThrow(() -> ResourceChecks.invalid("chart.id", null, "is missing: save the chart first"));
    return new Builder(id).chartType(chart.type());
  }

  /** The id the service assigned (the last segment of its {@code href}); empty for a snapshot not yet created. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** The chart pictured. */
  public long chartId() {
    return chartId;
  }

  /** How the chart is drawn; empty when left to the service (it uses the chart's own type). */
  public Optional<ChartType> chartType() {
    return Optional.ofNullable(chartType);
  }

  /** The time span pictured; empty when left to the service (one hour). */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** The end of the time span; empty when left to the service (the time of the request). */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(endTime);
  }

  /** The id of the {@link Job} that renders the image; empty for a snapshot not yet created. */
  public OptionalLong jobId() {
    return jobId == null ? OptionalLong.empty() : OptionalLong.of(jobId);
  }

  /** Where the PNG image is; empty until the job has rendered it. */
  public Optional<String> imageHref() {
    return Optional.ofNullable(imageHref);
  }

  /** When the service created the snapshot. */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** When the service last changed the snapshot. */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot s
        && chartId == s.chartId
        && chartType == s.chartType
        && Objects.equals(duration, s.duration)
        && Objects.equals(endTime, s.endTime)
        && Objects.equals(id, s.id)
        && Objects.equals(jobId, s.jobId)
        && Objects.equals(imageHref, s.imageHref)
        && Objects.equals(createdAt, s.createdAt)
        && Objects.equals(updatedAt, s.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chartId, chartType, duration, endTime, id, jobId, imageHref, createdAt, updatedAt);
  }

  @Override
  public String toString() {
    return "Snapshot{id=" + id + ", chartId=" + chartId + ", chartType=" + chartType + ", duration=" + duration
        + ", endTime=" + endTime + ", jobId=" + jobId + ", imageHref=" + imageHref + "}";
  }

  /** Collects a snapshot request; values are checked as they are set. Not thread-safe. */
  public static final class Builder {
    private final long chartId;
    private ChartType chartType;
    private Duration duration;
    private Instant endTime;
    private Long id;
    private Long jobId;
    private String imageHref;
    private Instant createdAt;
    private Instant updatedAt;

    private Builder(long chartId) {
      this.chartId = chartId;
    }

    /** Draws the chart this way instead of with its own type. */
    public Builder chartType(ChartType type) {
      this.chartType = Check.notNull("chart.type", type);
      return this;
    }

    /** The span pictured, in whole seconds from 1 s to {@link #MAX_DURATION} (default: one hour). */
    public Builder duration(Duration duration) {
      Check.notNull("duration", duration);
      if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
        throw ResourceChecks.invalid("duration", duration, "must be from 1 second to " + MAX_DURATION.toDays() + " days");
      }
      this.duration = Duration.ofSeconds(duration.getSeconds());
      return this;
    }

    /** The end of the span, in whole seconds (default: now). */
    public Builder endTime(Instant endTime) {
      this.endTime = Instant.ofEpochSecond(Check.notNull("end_time", endTime).getEpochSecond());
      return this;
    }

    Builder stored(long id, Long jobId, String imageHref, Instant createdAt, Instant updatedAt) {
      this.id = id;
      this.jobId = jobId;
      this.imageHref = imageHref;
      this.createdAt = createdAt;
      this.updatedAt = updatedAt;
      return this;
    }

    public Snapshot build() {
      return new Snapshot(this);
    }
  }
}
