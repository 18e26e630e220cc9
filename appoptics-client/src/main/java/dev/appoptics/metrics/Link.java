package dev.appoptics.metrics;

import java.util.Objects;
import java.util.Optional;

/**
 * A link attached to an {@link AnnotationEvent}: a relation name unique within the event ({@code rel}), the target
 * ({@code href}) and an optional label shown in the UI. Immutable.
 *
 * <pre>{@code
 * Link commit = Link.of("github", "https://github.com/acme/shop/commit/9f2c1e", "Commit");
 * }</pre>
 */
public final class Link {
  private final String rel;
  private final String href;
  private final String label;

  private Link(String rel, String href, String label) {
    this.rel = ResourceChecks.requireText("link.rel", rel);
    this.href = ResourceChecks.requireText("link.href", href);
    this.label = label;
  }

  /** A link without a label. */
  public static Link of(String rel, String href) {
    return new Link(rel, href, null);
  }

  /** A link with a label. */
  public static Link of(String rel, String href, String label) {
    return new Link(rel, href, Check.notNull("link.label", label));
  }

  /** The relation name, unique within one event. */
  public String rel() {
    return rel;
  }

  /** The target URL. */
  public String href() {
    return href;
  }

  /** The label shown instead of the URL, if any. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Link l && rel.equals(l.rel) && href.equals(l.href) && Objects.equals(label, l.label);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rel, href, label);
  }

  @Override
  public String toString() {
    return "Link{rel=" + rel + ", href=" + href + (label == null ? "" : ", label=" + label) + "}";
  }
}
