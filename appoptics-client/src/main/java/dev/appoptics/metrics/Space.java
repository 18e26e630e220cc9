package dev.appoptics.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A space (a dashboard of charts): its id, name and the ids of its charts as the API last reported them. Immutable
 * value; it holds no connection. To work with its charts, bind it to one: {@code api.charts(space)} returns {@link
 * SpaceCharts}, whose methods call the API. Equality is by id, name and chart ids.
 */
public final class Space {
  private final long id;
  private final String name;
  private final List<Long> chartIds;

  Space(long id, String name, List<Long> chartIds) {
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.chartIds = List.copyOf(chartIds);
  }

  /** The id the service assigned. */
  public long id() {
    return id;
  }

  /** The name. */
  public String name() {
    return name;
  }

  /**
   * The ids of the space's charts when it was read; empty for spaces from {@link AppOptics#listSpaces()}, which
   * does not report charts. Use {@link SpaceCharts#list()} for the current charts.
   */
  public List<Long> chartIds() {
    return chartIds;
  }

  /** A copy with another name, for {@link AppOptics#updateSpace(Space)}. */
  public Space withName(String newName) {
    return new Space(id, ResourceChecks.requireText("name", newName), chartIds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Space s && id == s.id && name.equals(s.name) && chartIds.equals(s.chartIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, chartIds);
  }

  @Override
  public String toString() {
    return "Space{id=" + id + ", name=" + name + ", chartIds=" + chartIds + "}";
  }
}
