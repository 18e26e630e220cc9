package dev.appoptics.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which events {@link AppOptics#getAnnotationStream(String, AnnotationQuery)} returns: those starting in a time
 * window, optionally only from some sources (wildcards allowed). Immutable.
 *
 * <pre>{@code
 * AnnotationQuery lastHour = AnnotationQuery.since(Instant.now().minus(Duration.ofHours(1)));
 * AnnotationQuery web = AnnotationQuery.between(start, end).withSources("web*");
 * }</pre>
 */
public final class AnnotationQuery {
  private final Instant startTime;
  private final Instant endTime;
  private final List<String> sources;

  private AnnotationQuery(Instant startTime, Instant endTime, List<String> sources) {
    this.startTime = Check.notNull("start_time", startTime);
    this.endTime = endTime;
    this.sources = sources;
    if (endTime != null && endTime.isBefore(startTime)) {
      throw ResourceChecks.invalid("end_time", endTime, "must not be before start_time " + startTime);
    }
  }

  /** Events from {@code startTime} until now. */
  public static AnnotationQuery since(Instant startTime) {
    return new AnnotationQuery(startTime, null, List.of());
  }

  /** Events from {@code startTime} to {@code endTime}. */
  public static AnnotationQuery between(Instant startTime, Instant endTime) {
    return new AnnotationQuery(startTime, Check.notNull("end_time", endTime), List.of());
  }

  /** A copy restricted to these sources; patterns such as {@code web*} are allowed. */
  public AnnotationQuery withSources(String... sources) {
    return new AnnotationQuery(startTime, endTime, ResourceChecks.copyOf("sources", java.util.Arrays.asList(sources)));
  }

  /** The start of the window. */
  public Instant startTime() {
    return startTime;
  }

  /** The end of the window; empty means now. */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(endTime);
  }

  /** The source patterns; empty means every source. */
  public List<String> sources() {
    return sources;
  }

  @Override
  public String toString() {
    return "AnnotationQuery{startTime=" + startTime + ", endTime=" + endTime + ", sources=" + sources + "}";
  }
}
