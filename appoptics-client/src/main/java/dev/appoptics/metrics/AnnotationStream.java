package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An annotation stream: its name, its display name and, when read with an {@link AnnotationQuery}, its events grouped
 * by source as the API returns them (events without a source are under {@code "unassigned"}). Streams are created by
 * posting their first event. Immutable.
 */
public final class AnnotationStream {
  /** The group the API uses for events posted without a source. */
  public static final String UNASSIGNED = "unassigned";

  private final String name;
  private final String displayName;
  private final Map<String, List<AnnotationEvent>> events;

  AnnotationStream(String name, String displayName, Map<String, List<AnnotationEvent>> events) {
    this.name = Objects.requireNonNull(name, "name");
    this.displayName = displayName;
    Map<String, List<AnnotationEvent>> copy = new LinkedHashMap<>();
    events.forEach((source, list) -> copy.put(source, List.copyOf(list)));
    this.events = java.util.Collections.unmodifiableMap(copy);
  }

  /** The stream's name, as used in paths. */
  public String name() {
    return name;
  }

  /** The display name, if one was set. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /**
   * The events that were asked for, keyed by source in the API's order; empty when the stream was read without an
   * {@link AnnotationQuery} or nothing matched.
   */
  public Map<String, List<AnnotationEvent>> events() {
    return events;
  }

  /** All events of {@link #events()} in one list, ordered by start time. */
  public List<AnnotationEvent> allEvents() {
    List<AnnotationEvent> all = new ArrayList<>();
    events.values().forEach(all::addAll);
    all.sort(
        Comparator.comparing(
            (AnnotationEvent e) -> e.startTime().orElse(java.time.Instant.MIN)));
    return List.copyOf(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnnotationStream s
        && name.equals(s.name)
        && Objects.equals(displayName, s.displayName)
        && events.equals(s.events);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, displayName, events);
  }

  @Override
  public String toString() {
    return "AnnotationStream{name=" + name + ", displayName=" + displayName + ", events=" + events + "}";
  }
}
