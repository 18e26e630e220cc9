package dev.appoptics.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One event of an annotation stream: a title, optional description and source, a start (and optional end) time in
 * whole seconds, and links. Immutable; build one with {@link #builder(String)} and post it with {@link
 * AppOptics#postAnnotation(String, AnnotationEvent)}.
 *
 * <pre>{@code
 * AnnotationEvent deploy = AnnotationEvent.builder("Deployed v29")
 *     .source("web1")
 *     .link(Link.of("github", "https://github.com/acme/shop/releases/v29"))
 *     .build();
 * }</pre>
 */
public final class AnnotationEvent {
  private final Long id;
  private final String title;
  private final String description;
  private final String source;
  private final Instant startTime;
  private final Instant endTime;
  private final List<Link> links;

  private AnnotationEvent(Builder b) {
    this.id = b.id;
    this.title = ResourceChecks.requireText("title", b.title);
    this.description = b.description;
    this.source = b.source;
    this.startTime = b.startTime;
    this.endTime = b.endTime;
    this.links = List.copyOf(b.links);
    if (startTime != null && endTime != null && endTime.isBefore(startTime)) {
      throw ResourceChecks.invalid("end_time", endTime, "must not be before start_time " + startTime);
    }
    Set<String> rels = new HashSet<>();
    for (Link link : links) {
      if (!rels.add(link.rel())) {
        throw ResourceChecks.invalid("links.rel", link.rel(), "must be unique within an event");
      }
    }
  }

  /** Starts an event with its required title. */
  public static Builder builder(String title) {
    return new Builder().title(title);
  }

  /** A builder holding this event's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.title = title;
    b.description = description;
    b.source = source;
    b.startTime = startTime;
    b.endTime = endTime;
    b.links.addAll(links);
    return b;
  }

  /** The id the service assigned; empty for an event not yet posted. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The description, if any. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** The source (for example a host name); events without one are grouped under {@code unassigned}. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** When the event started; the service uses the time of posting when unset. */
  public Optional<Instant> startTime() {
    return Optional.ofNullable(startTime);
  }

  /** When the event ended, if it spans time. */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(endTime);
  }

  /** The links, in the order given. */
  public List<Link> links() {
    return links;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnnotationEvent e
        && Objects.equals(id, e.id)
        && title.equals(e.title)
        && Objects.equals(description, e.description)
        && Objects.equals(source, e.source)
        && Objects.equals(startTime, e.startTime)
        && Objects.equals(endTime, e.endTime)
        && links.equals(e.links);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, description, source, startTime, endTime, links);
  }

  @Override
  public String toString() {
    return "AnnotationEvent{id=" + id + ", title=" + title + ", source=" + source + ", startTime=" + startTime
        + ", endTime=" + endTime + ", description=" + description + ", links=" + links + "}";
  }

  /** Collects an event's values; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private Long id;
    private String title;
    private String description;
    private String source;
    private Instant startTime;
    private Instant endTime;
    private final List<Link> links = new ArrayList<>();

    private Builder() {}

    Builder id(long id) {
      this.id = id;
      return this;
    }

    /** The required title. */
    public Builder title(String title) {
      this.title = ResourceChecks.requireText("title", title);
      return this;
    }

    /** A longer description. */
    public Builder description(String description) {
      this.description = Check.notNull("description", description);
      return this;
    }

    /** The source the event concerns, such as a host. */
    public Builder source(String source) {
      this.source = ResourceChecks.requireText("source", source);
      return this;
    }

    /** The start; sent in whole epoch seconds (sub-second parts are dropped). */
    public Builder startTime(Instant startTime) {
      this.startTime = seconds("start_time", startTime);
      return this;
    }

    /** The end; sent in whole epoch seconds (sub-second parts are dropped). */
    public Builder endTime(Instant endTime) {
      this.endTime = seconds("end_time", endTime);
      return this;
    }

    /** Adds a link; its {@code rel} must be unique within the event. */
    public Builder link(Link link) {
      links.add(Check.notNull("links", link));
      return this;
    }

    /** Replaces the links. */
    public Builder links(List<Link> links) {
      List<Link> copy = ResourceChecks.copyOf("links", links);
      this.links.clear();
      this.links.addAll(copy);
      return this;
    }

    public AnnotationEvent build() {
      return new AnnotationEvent(this);
    }

    private static Instant seconds(String field, Instant time) {
      return Instant.ofEpochSecond(Check.notNull(field, time).getEpochSecond());
    }
  }
}
