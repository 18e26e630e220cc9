package dev.appoptics.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of a measurement query ({@code GET /v1/measurements/:name}). Give a start time or a duration (not
 * start, end and duration together); the resolution defaults to 1 second. Immutable; invalid combinations fail in
 * {@link Builder#build()} with an {@link InvalidInputException}.
 *
 * <p>When the service splits a long range into pages ({@code rel=next} links), the client follows them and merges
 * the pages into one result, up to {@link Builder#maxPages} pages ({@value #DEFAULT_MAX_PAGES} by default); with
 * {@link Builder#followPages followPages(false)} it returns one page at a time instead.
 *
 * <pre>{@code
 * MeasurementQuery q = MeasurementQuery.builder().duration(Duration.ofHours(1)).resolution(60)
 *     .tag("region", "us-*").build();
 * }</pre>
 */
public final class MeasurementQuery {
  /** The largest resolution the API serves (one week). */
  public static final int MAX_RESOLUTION = 604_800;
  /** Pages fetched per query unless {@link Builder#maxPages} says otherwise. */
  public static final int DEFAULT_MAX_PAGES = 1_000;

  private final OptionalLong startTime;
  private final OptionalLong endTime;
  private final OptionalLong duration;
  private final int resolution;
  private final List<Map.Entry<String, String>> tags;
  private final Optional<String> tagsSearch;
  private final Optional<String> groupBy;
  private final Optional<String> groupByFunction;
  private final Optional<String> summaryFunction;
  private final boolean followPages;
  private final int maxPages;

  private MeasurementQuery(Builder b) {
    startTime = b.startTime;
    endTime = b.endTime;
    duration = b.duration;
    resolution = b.resolution;
    tags = List.copyOf(b.tags);
    tagsSearch = b.tagsSearch;
    groupBy = b.groupBy;
    groupByFunction = b.groupByFunction;
    summaryFunction = b.summaryFunction;
    followPages = b.followPages;
    maxPages = b.maxPages;
  }

  /** Starts a query. */
  public static Builder builder() {
    return new Builder();
  }

  /** The last {@code duration} up to now, at the given resolution in seconds. */
  public static MeasurementQuery last(Duration duration, int resolution) {
    return builder().duration(duration).resolution(resolution).build();
  }

  /** Start of the range, epoch seconds. */
  public OptionalLong startTime() {
    return startTime;
  }

  /** End of the range, epoch seconds (default: now). */
  public OptionalLong endTime() {
    return endTime;
  }

  /** Length of the range in seconds. */
  public OptionalLong duration() {
    return duration;
  }

  /** Seconds per returned point. */
  public int resolution() {
    return resolution;
  }

  /** Tag filters in order; a name given twice means either value. */
  public List<Map.Entry<String, String>> tags() {
    return tags;
  }

  /** A tag search expression such as {@code region=us-east* and db=*prod*}. */
  public Optional<String> tagsSearch() {
    return tagsSearch;
  }

  /** Tag name(s) to group by, comma-separated, or {@code *}. */
  public Optional<String> groupBy() {
    return groupBy;
  }

  /** How grouped streams combine: sum, min, max or mean. */
  public Optional<String> groupByFunction() {
    return groupByFunction;
  }

  /** How points are summarized over time: sum, min, max, count, mean, derivative, stddev or all. */
  public Optional<String> summaryFunction() {
    return summaryFunction;
  }

  /** Whether {@code rel=next} pages are fetched and merged into one result (default true). */
  public boolean followPages() {
    return followPages;
  }

  /** The most pages one query fetches when following pages. */
  public int maxPages() {
    return maxPages;
  }

  Query toQuery() {
    Query q = Query.create()
        .add("start_time", startTime)
        .add("end_time", endTime)
        .add("duration", duration)
        .add("resolution", resolution);
    tags.forEach(t -> q.tag(t.getKey(), t.getValue()));
    return q.add("tags_search", tagsSearch)
        .add("group_by", groupBy)
        .add("group_by_function", groupByFunction)
        .add("summary_function", summaryFunction);
  }

  @Override
  public String toString() {
    return "MeasurementQuery{" + toQuery().encode() + "}";
  }

  /** Builds a {@link MeasurementQuery}. */
  public static final class Builder {
    private OptionalLong startTime = OptionalLong.empty();
    private OptionalLong endTime = OptionalLong.empty();
    private OptionalLong duration = OptionalLong.empty();
    private int resolution = 1;
    private final List<Map.Entry<String, String>> tags = new ArrayList<>();
    private Optional<String> tagsSearch = Optional.empty();
    private Optional<String> groupBy = Optional.empty();
    private Optional<String> groupByFunction = Optional.empty();
    private Optional<String> summaryFunction = Optional.empty();
    private boolean followPages = true;
    private int maxPages = DEFAULT_MAX_PAGES;

    private Builder() {}

    /** Start of the range, epoch seconds. */
    public Builder startTime(long epochSeconds) {
      startTime = OptionalLong.of(Check.positive("start_time", epochSeconds));
      return this;
    }

    /** Start of the range. */
    public Builder startTime(Instant start) {
      return startTime(Check.notNull("start_time", start).getEpochSecond());
    }

    /** End of the range, epoch seconds. */
    public Builder endTime(long epochSeconds) {
      endTime = OptionalLong.of(Check.positive("end_time", epochSeconds));
      return this;
    }

    /** End of the range. */
    public Builder endTime(Instant end) {
      return endTime(Check.notNull("end_time", end).getEpochSecond());
    }

    /** Length of the range in seconds, back from the end time. */
    public Builder duration(long seconds) {
      duration = OptionalLong.of(Check.positive("duration", seconds));
      return this;
    }

    /** Length of the range (whole seconds), back from the end time. */
    public Builder duration(Duration d) {
      return duration(Check.notNull("duration", d).getSeconds());
    }

    /** Seconds per returned point, 1 to {@link #MAX_RESOLUTION}. */
    public Builder resolution(int seconds) {
      if (seconds < 1 || seconds > MAX_RESOLUTION) {
        throw new InvalidInputException("resolution", seconds, "must be 1 to " + MAX_RESOLUTION + " seconds");
      }
      resolution = seconds;
      return this;
    }

    /** Keeps streams whose tag {@code name} matches {@code pattern} ({@code *} wildcards, {@code !} negates). */
    public Builder tag(String name, String pattern) {
      tags.add(Map.entry(Check.notNull("tag name", name), Check.notNull("tags." + name, pattern)));
      return this;
    }

    /** Adds a filter for every entry. */
    public Builder tags(Map<String, String> filters) {
      Check.notNull("tags", filters).forEach(this::tag);
      return this;
    }

    /** A tag search expression; cannot be combined with {@link #tag}. */
    public Builder tagsSearch(String expression) {
      tagsSearch = Optional.of(Check.notNull("tags_search", expression));
      return this;
    }

    /** Groups streams by these tag names ({@code "*"} for all into one); needs {@link #groupByFunction}. */
    public Builder groupBy(String... tagNames) {
      groupBy = Optional.of(String.join(",", Check.notNull("group_by", tagNames)));
      return this;
    }

    /** How grouped streams combine: sum, min, max or mean. */
    public Builder groupByFunction(String function) {
      groupByFunction = Optional.of(Check.notNull("group_by_function", function));
      return this;
    }

    /** How points are summarized over time: sum, min, max, count, mean, derivative, stddev or all. */
    public Builder summaryFunction(String function) {
      summaryFunction = Optional.of(Check.notNull("summary_function", function));
      return this;
    }

    /**
     * Whether to follow the service's {@code rel=next} links and merge the pages into one result (default true).
     * With false, each call returns one page; fetch the next one with {@code AppOptics.nextMeasurements(page)}.
     */
    public Builder followPages(boolean follow) {
      followPages = follow;
      return this;
    }

    /**
     * The most pages one query may fetch when following pages (default {@value #DEFAULT_MAX_PAGES}); a range that
     * needs more ends in an {@link IncompleteResultException} that carries the pages read so far.
     */
    public Builder maxPages(int pages) {
      if (pages < 1) {
        throw new InvalidInputException("max_pages", pages, "must be at least 1");
      }
      maxPages = pages;
      return this;
    }

    /** Checks the combination and builds the query. */
    public MeasurementQuery build() {
      if (startTime.isEmpty() && duration.isEmpty()) {
        throw new InvalidInputException("start_time", "none", "give a start time or a duration");
      }
      if (startTime.isPresent() && endTime.isPresent() && duration.isPresent()) {
        throw new InvalidInputException(
            "duration", duration.getAsLong(), "cannot be combined with both start_time and end_time");
      }
      if (startTime.isPresent() && endTime.isPresent() && endTime.getAsLong() < startTime.getAsLong()) {
        throw new InvalidInputException("end_time", endTime.getAsLong(), "is before start_time");
      }
      if (!tags.isEmpty() && tagsSearch.isPresent()) {
        throw new InvalidInputException("tags_search", tagsSearch.get(), "cannot be combined with tag filters");
      }
      if (groupBy.isPresent() && groupByFunction.isEmpty()) {
        throw new InvalidInputException(
            "group_by_function", "none", "is required with group_by (sum, min, max or mean)");
      }
      if (groupBy.isPresent() && summaryFunction.filter("all"::equals).isPresent()) {
        throw new InvalidInputException("summary_function", "all", "cannot be combined with group_by");
      }
      return new MeasurementQuery(this);
    }
  }
}
