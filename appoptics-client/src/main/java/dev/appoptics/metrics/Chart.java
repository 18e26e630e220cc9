package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A chart of a {@link Space}: a name, a {@link ChartType}, its {@link ChartStream}s and display options. Immutable;
 * build one with {@link #builder(String)} and save it with {@link AppOptics#createChart(Space, Chart)} or {@link
 * SpaceCharts#add(Chart)}. Every value set here is sent when the chart is saved.
 *
 * <pre>{@code
 * Chart chart = Chart.builder("CPU")
 *     .type(ChartType.STACKED)
 *     .stream(ChartStream.metric("cpu.percent.user").tag(StreamTag.of("host", "*")).build())
 *     .label("percent")
 *     .build();
 * }</pre>
 */
public final class Chart {
  private final Long id;
  private final String name;
  private final ChartType type;
  private final List<ChartStream> streams;
  private final Double min;
  private final Double max;
  private final String label;
  private final Long relatedSpace;
  private final List<Threshold> thresholds;
  private final Boolean useLogYAxis;
  private final Boolean useLastValue;

  private Chart(Builder b) {
    id = b.id;
    name = ResourceChecks.requireText("name", b.name);
    type = b.type;
    streams = List.copyOf(b.streams);
    min = b.min;
    max = b.max;
    label = b.label;
    relatedSpace = b.relatedSpace;
    thresholds = List.copyOf(b.thresholds);
    useLogYAxis = b.useLogYAxis;
    useLastValue = b.useLastValue;
    if (min != null && max != null && min > max) {
      throw ResourceChecks.invalid("min", min, "must not be above max " + max);
    }
  }

  /** Starts a line chart with this name. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder holding this chart's values, id included. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    b.type = type;
    b.streams.addAll(streams);
    b.min = min;
    b.max = max;
    b.label = label;
    b.relatedSpace = relatedSpace;
    b.thresholds.addAll(thresholds);
    b.useLogYAxis = useLogYAxis;
    b.useLastValue = useLastValue;
    return b;
  }

  /** A copy with another name. */
  public Chart withName(String newName) {
    return toBuilder().name(newName).build();
  }

  /** The id the service assigned; empty for a chart not yet saved. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** The name. */
  public String name() {
    return name;
  }

  /** The chart type. */
  public ChartType type() {
    return type;
  }

  /** The streams, in order. */
  public List<ChartStream> streams() {
    return streams;
  }

  /** The lower end of the Y axis. */
  public OptionalDouble min() {
    return min == null ? OptionalDouble.empty() : OptionalDouble.of(min);
  }

  /** The upper end of the Y axis. */
  public OptionalDouble max() {
    return max == null ? OptionalDouble.empty() : OptionalDouble.of(max);
  }

  /** The Y axis label. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** The id of a space this chart links to. */
  public OptionalLong relatedSpace() {
    return relatedSpace == null ? OptionalLong.empty() : OptionalLong.of(relatedSpace);
  }

  /** The colour bands of a big-number chart. */
  public List<Threshold> thresholds() {
    return thresholds;
  }

  /** Whether the Y axis is logarithmic. */
  public Optional<Boolean> useLogYAxis() {
    return Optional.ofNullable(useLogYAxis);
  }

  /** Whether a big-number chart shows the last value instead of a summary. */
  public Optional<Boolean> useLastValue() {
    return Optional.ofNullable(useLastValue);
  }

  private Object[] fields() {
    return new Object[] {
      id, name, type, streams, min, max, label, relatedSpace, thresholds, useLogYAxis, useLastValue
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Chart c && Arrays.equals(fields(), c.fields());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields());
  }

  @Override
  public String toString() {
    return "Chart{id=" + id + ", name=" + name + ", type=" + type + ", streams=" + streams
        + (min == null ? "" : ", min=" + min) + (max == null ? "" : ", max=" + max)
        + (label == null ? "" : ", label=" + label)
        + (relatedSpace == null ? "" : ", relatedSpace=" + relatedSpace)
        + (thresholds.isEmpty() ? "" : ", thresholds=" + thresholds)
        + (useLogYAxis == null ? "" : ", useLogYAxis=" + useLogYAxis)
        + (useLastValue == null ? "" : ", useLastValue=" + useLastValue) + "}";
  }

  /** Collects a chart's values; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private Long id;
    private String name;
    private ChartType type = ChartType.LINE;
    private final List<ChartStream> streams = new ArrayList<>();
    private Double min;
    private Double max;
    private String label;
    private Long relatedSpace;
    private final List<Threshold> thresholds = new ArrayList<>();
    private Boolean useLogYAxis;
    private Boolean useLastValue;

    private Builder() {}

    Builder id(long id) {
      this.id = id;
      return this;
    }

    /** The name. */
    public Builder name(String name) {
      this.name = ResourceChecks.requireText("name", name);
      return this;
    }

    /** The type; {@link ChartType#LINE} unless set. */
    public Builder type(ChartType type) {
      this.type = Check.notNull("type", type);
      return this;
    }

    /** Adds a stream. */
    public Builder stream(ChartStream stream) {
      streams.add(Check.notNull("streams", stream));
      return this;
    }

    /** Replaces the streams. */
    public Builder streams(List<ChartStream> streams) {
      List<ChartStream> copy = ResourceChecks.copyOf("streams", streams);
      this.streams.clear();
      this.streams.addAll(copy);
      return this;
    }

    /** The lower end of the Y axis. */
    public Builder min(double min) {
      this.min = ResourceChecks.requireFinite("min", min);
      return this;
    }

    /** The upper end of the Y axis. */
    public Builder max(double max) {
      this.max = ResourceChecks.requireFinite("max", max);
      return this;
    }

    /** The Y axis label. */
    public Builder label(String label) {
      this.label = Check.notNull("label", label);
      return this;
    }

    /** The id of a space this chart links to. */
    public Builder relatedSpace(long spaceId) {
      this.relatedSpace = spaceId;
      return this;
    }

    /** Adds a colour band (big-number charts). */
    public Builder threshold(Threshold threshold) {
      thresholds.add(Check.notNull("thresholds", threshold));
      return this;
    }

    /** Whether the Y axis is logarithmic. */
    public Builder useLogYAxis(boolean useLogYAxis) {
      this.useLogYAxis = useLogYAxis;
      return this;
    }

    /** Whether a big-number chart shows the last value instead of a summary. */
    public Builder useLastValue(boolean useLastValue) {
      this.useLastValue = useLastValue;
      return this;
    }

    public Chart build() {
      return new Chart(this);
    }
  }
}
