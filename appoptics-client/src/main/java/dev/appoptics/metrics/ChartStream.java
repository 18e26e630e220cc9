package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One line (or area, or number) of a {@link Chart}: either a metric filtered by tags, or a composite expression,
 * plus how to aggregate and display it. Immutable; build one with {@link #metric(String)} or {@link
 * #composite(String)}. Every value set here is sent when the chart is saved.
 *
 * <p>Named {@code ChartStream} rather than {@code Stream} so that code using it can also use {@link
 * java.util.stream.Stream} (which the list methods of {@link AppOptics} return) without qualified names.
 *
 * <pre>{@code
 * ChartStream cpu = ChartStream.metric("cpu.percent.user")
 *     .tag(StreamTag.of("environment", "prod*"))
 *     .groupFunction("average")
 *     .unitsShort("%")
 *     .color("#1f77b4")
 *     .build();
 * }</pre>
 */
public final class ChartStream {
  private final Long id;
  private final String metric;
  private final String composite;
  private final List<StreamTag> tags;
  private final String type;
  private final String name;
  private final String groupFunction;
  private final String summaryFunction;
  private final String transformFunction;
  private final String downsampleFunction;
  private final Integer period;
  private final Double min;
  private final Double max;
  private final String unitsShort;
  private final String unitsLong;
  private final String color;
  private final Integer position;
  private final Boolean splitAxis;
  private final Boolean gapDetection;

  private ChartStream(Builder b) {
    id = b.id;
    metric = b.metric;
    composite = b.composite;
    tags = List.copyOf(b.tags);
    type = b.type;
    name = b.name;
    groupFunction = b.groupFunction;
    summaryFunction = b.summaryFunction;
    transformFunction = b.transformFunction;
    downsampleFunction = b.downsampleFunction;
    period = b.period;
    min = b.min;
    max = b.max;
    unitsShort = b.unitsShort;
    unitsLong = b.unitsLong;
    color = b.color;
    position = b.position;
    splitAxis = b.splitAxis;
    gapDetection = b.gapDetection;
    if (!b.decoded) {
      ChartStreamRules.validate(this);
    }
  }

  /** Starts a stream of a metric; add tag filters with {@link Builder#tag}. */
  public static Builder metric(String metric) {
    Builder b = new Builder();
    b.metric = ResourceChecks.requireText("streams.metric", metric);
    return b;
  }

  /** Starts a stream computed by a composite expression, such as {@code sum(s("requests", "*"))}. */
  public static Builder composite(String expression) {
    Builder b = new Builder();
    b.composite = ResourceChecks.requireText("streams.composite", expression);
    return b;
  }

  /** A builder holding this stream's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.metric = metric;
    b.composite = composite;
    b.tags.addAll(tags);
    b.type = type;
    b.name = name;
    b.groupFunction = groupFunction;
    b.summaryFunction = summaryFunction;
    b.transformFunction = transformFunction;
    b.downsampleFunction = downsampleFunction;
    b.period = period;
    b.min = min;
    b.max = max;
    b.unitsShort = unitsShort;
    b.unitsLong = unitsLong;
    b.color = color;
    b.position = position;
    b.splitAxis = splitAxis;
    b.gapDetection = gapDetection;
    return b;
  }

  /** The id the service assigned; empty before the chart is saved. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** The metric name; empty for composite streams. */
  public Optional<String> metric() {
    return Optional.ofNullable(metric);
  }

  /** The composite expression; empty for metric streams. */
  public Optional<String> composite() {
    return Optional.ofNullable(composite);
  }

  /** The tag filters of a metric stream. */
  public List<StreamTag> tags() {
    return tags;
  }

  /** The kind the service reports ({@code gauge} or {@code composite}); empty before saving. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** The display name. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** How series matching the tags are combined: average, sum, min, max or breakout. */
  public Optional<String> groupFunction() {
    return Optional.ofNullable(groupFunction);
  }

  /** How a series is summarized over time: average, sum, min, max or count. */
  public Optional<String> summaryFunction() {
    return Optional.ofNullable(summaryFunction);
  }

  /** A linear formula over {@code x} (the value) and {@code p} (the period), such as {@code x*100}. */
  public Optional<String> transformFunction() {
    return Optional.ofNullable(transformFunction);
  }

  /** How a composite is downsampled: average, sum, min, max or count. */
  public Optional<String> downsampleFunction() {
    return Optional.ofNullable(downsampleFunction);
  }

  /** The period in seconds. */
  public OptionalInt period() {
    return period == null ? OptionalInt.empty() : OptionalInt.of(period);
  }

  /** The lower end of the Y axis. */
  public OptionalDouble min() {
    return min == null ? OptionalDouble.empty() : OptionalDouble.of(min);
  }

  /** The upper end of the Y axis. */
  public OptionalDouble max() {
    return max == null ? OptionalDouble.empty() : OptionalDouble.of(max);
  }

  /** The short unit label, such as {@code ms}. */
  public Optional<String> unitsShort() {
    return Optional.ofNullable(unitsShort);
  }

  /** The long unit label; streams with the same one share a Y axis. */
  public Optional<String> unitsLong() {
    return Optional.ofNullable(unitsLong);
  }

  /** The colour as {@code #rrggbb}. */
  public Optional<String> color() {
    return Optional.ofNullable(color);
  }

  /** The position among the chart's streams. */
  public OptionalInt position() {
    return position == null ? OptionalInt.empty() : OptionalInt.of(position);
  }

  /** Whether the stream gets its own Y axis. */
  public Optional<Boolean> splitAxis() {
    return Optional.ofNullable(splitAxis);
  }

  /** Whether gaps in the data are drawn as gaps. */
  public Optional<Boolean> gapDetection() {
    return Optional.ofNullable(gapDetection);
  }

  /** The same stream without the values the service assigns (id, type), to compare what was sent. */
  public ChartStream withoutServerFields() {
    Builder b = toBuilder();
    b.id = null;
    b.type = null;
    return b.build();
  }

  private Object[] fields() {
    return new Object[] {
      id, metric, composite, tags, type, name, groupFunction, summaryFunction, transformFunction,
      downsampleFunction, period, min, max, unitsShort, unitsLong, color, position, splitAxis, gapDetection
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartStream s && Arrays.equals(fields(), s.fields());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return ChartStreamRules.describe(fields());
  }

  /** Collects a stream's values; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private Long id;
    private String metric;
    private String composite;
    private final List<StreamTag> tags = new ArrayList<>();
    private String type;
    private String name;
    private String groupFunction;
    private String summaryFunction;
    private String transformFunction;
    private String downsampleFunction;
    private Integer period;
    private Double min;
    private Double max;
    private String unitsShort;
    private String unitsLong;
    private String color;
    private Integer position;
    private Boolean splitAxis;
    private Boolean gapDetection;
    private boolean decoded;

    private Builder() {}

    /** Marks values read from the API, which are kept as the service stored them, unchecked. */
    Builder decoded() {
      this.decoded = true;
      return this;
    }

    Builder id(long id) {
      this.id = id;
      return this;
    }

    Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Adds a tag filter. */
    public Builder tag(StreamTag tag) {
      tags.add(Check.notNull("streams.tags", tag));
      return this;
    }

    /** Replaces the tag filters. */
    public Builder tags(List<StreamTag> tags) {
      List<StreamTag> copy = ResourceChecks.copyOf("streams.tags", tags);
      this.tags.clear();
      this.tags.addAll(copy);
      return this;
    }

    /** The display name. */
    public Builder name(String name) {
      this.name = ResourceChecks.requireText("streams.name", name);
      return this;
    }

    /** average (default), sum, min, max or breakout. */
    public Builder groupFunction(String function) {
      groupFunction = Check.notNull("streams.group_function", function);
      return this;
    }

    /** average (default), sum, min, max or count. */
    public Builder summaryFunction(String function) {
      summaryFunction = Check.notNull("streams.summary_function", function);
      return this;
    }

    /** A formula over {@code x} and {@code p}, such as {@code x/p} or {@code (x+1)*100}. */
    public Builder transformFunction(String formula) {
      transformFunction = Check.notNull("streams.transform_function", formula);
      return this;
    }

    /** For composites: average (default), sum, min, max or count. */
    public Builder downsampleFunction(String function) {
      downsampleFunction = Check.notNull("streams.downsample_function", function);
      return this;
    }

    /** The period in seconds, at least 1. */
    public Builder period(int seconds) {
      period = seconds;
      return this;
    }

    /** The lower end of the Y axis. */
    public Builder min(double min) {
      this.min = ResourceChecks.requireFinite("streams.min", min);
      return this;
    }

    /** The upper end of the Y axis. */
    public Builder max(double max) {
      this.max = ResourceChecks.requireFinite("streams.max", max);
      return this;
    }

    /** The short unit label. */
    public Builder unitsShort(String units) {
      unitsShort = Check.notNull("streams.units_short", units);
      return this;
    }

    /** The long unit label. */
    public Builder unitsLong(String units) {
      unitsLong = Check.notNull("streams.units_long", units);
      return this;
    }

    /** The colour as {@code #rrggbb}. */
    public Builder color(String color) {
      this.color = Check.notNull("streams.color", color);
      return this;
    }

    /** The position among the chart's streams, from 0. */
    public Builder position(int position) {
      this.position = position;
      return this;
    }

    /** Whether the stream gets its own Y axis. */
    public Builder splitAxis(boolean splitAxis) {
      this.splitAxis = splitAxis;
      return this;
    }

    /** Whether gaps in the data are drawn as gaps. */
    public Builder gapDetection(boolean gapDetection) {
      this.gapDetection = gapDetection;
      return this;
    }

    public ChartStream build() {
      return new ChartStream(this);
    }
  }
}
