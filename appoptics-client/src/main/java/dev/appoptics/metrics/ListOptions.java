package dev.appoptics.metrics;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Filter and paging for list calls: {@code name} (substring match), {@code offset}, {@code length} (1–100, the
 * API's page size), {@code orderby} and {@code sort}. Immutable.
 *
 * <pre>{@code
 * Page<Metric> page = api.listMetrics(ListOptions.builder().name("cpu").length(50).build());
 * }</pre>
 */
public final class ListOptions {
  /** The largest page the API returns. */
  public static final int MAX_LENGTH = 100;

  private static final ListOptions NONE = builder().build();

  private final Optional<String> name;
  private final OptionalInt offset;
  private final OptionalInt length;
  private final Optional<String> orderBy;
  private final Optional<String> sort;

  private ListOptions(Builder b) {
    name = b.name;
    offset = b.offset;
    length = b.length;
    orderBy = b.orderBy;
    sort = b.sort;
  }

  /** No filter, server defaults. */
  public static ListOptions none() {
    return NONE;
  }

  /** Only items whose name contains {@code name}. */
  public static ListOptions named(String name) {
    return builder().name(name).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Name filter (substring). */
  public Optional<String> name() {
    return name;
  }

  /** Items to skip. */
  public OptionalInt offset() {
    return offset;
  }

  /** Page size. */
  public OptionalInt length() {
    return length;
  }

  /** Sort field. */
  public Optional<String> orderBy() {
    return orderBy;
  }

  /** "asc" or "desc". */
  public Optional<String> sort() {
    return sort;
  }

  /** These options as query parameters, for the list calls of every area. */
  Query toQuery() {
    return Query.create()
        .add("name", name)
        .add("offset", offset)
        .add("length", length)
        .add("orderby", orderBy)
        .add("sort", sort);
  }

  @Override
  public String toString() {
    return "ListOptions{" + toQuery().encode() + "}";
  }

  /** Builds {@link ListOptions}. */
  public static final class Builder {
    private Optional<String> name = Optional.empty();
    private OptionalInt offset = OptionalInt.empty();
    private OptionalInt length = OptionalInt.empty();
    private Optional<String> orderBy = Optional.empty();
    private Optional<String> sort = Optional.empty();

    private Builder() {}

    /** Only items whose name contains this text. */
    public Builder name(String name) {
      this.name = Optional.of(Check.notNull("name", name));
      return this;
    }

    /** Items to skip (0 or more). */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new InvalidInputException("offset", offset, "must not be negative");
      }
      this.offset = OptionalInt.of(offset);
      return this;
    }

    /** Page size, 1 to {@link #MAX_LENGTH}. */
    public Builder length(int length) {
      if (length < 1 || length > MAX_LENGTH) {
        throw new InvalidInputException("length", length, "must be 1 to " + MAX_LENGTH);
      }
      this.length = OptionalInt.of(length);
      return this;
    }

    /** Sort field (per resource: name, updated_at, title). */
    public Builder orderBy(String field) {
      this.orderBy = Optional.of(Check.notNull("orderby", field));
      return this;
    }

    /** "asc" or "desc". */
    public Builder sort(String sort) {
      if (!"asc".equals(sort) && !"desc".equals(sort)) {
        throw new InvalidInputException("sort", sort, "must be asc or desc");
      }
      this.sort = Optional.of(sort);
      return this;
    }

    public ListOptions build() {
      return new ListOptions(this);
    }
  }
}
