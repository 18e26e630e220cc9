package dev.appoptics.metrics;

import java.util.Map;

/**
 * Settings of a {@link Queue}: its own tags (between measurement and connection tags in precedence) and the
 * auto-submit count (submit as soon as this many measurements are queued; 0 turns it off). Immutable.
 *
 * <pre>{@code
 * Queue q = api.newQueue(QueueOptions.builder().tags(Map.of("service", "api")).autoSubmitCount(500).build());
 * }</pre>
 */
public final class QueueOptions {
  private static final QueueOptions DEFAULTS = builder().build();

  private final Map<String, String> tags;
  private final int autoSubmitCount;

  private QueueOptions(Builder b) {
    this.tags = b.tags;
    this.autoSubmitCount = b.autoSubmitCount;
  }

  /** No queue tags, no auto-submit. */
  public static QueueOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The queue's tags. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Queue size that triggers a submit; 0 when off. */
  public int autoSubmitCount() {
    return autoSubmitCount;
  }

  /** Builds {@link QueueOptions}. */
  public static final class Builder {
    private Map<String, String> tags = Map.of();
    private int autoSubmitCount;

    private Builder() {}

    /** The queue's tags. */
    public Builder tags(Map<String, String> tags) {
      this.tags = Tags.copy(tags);
      return this;
    }

    /** Submit as soon as this many measurements are queued; 0 (the default) turns it off. */
    public Builder autoSubmitCount(int count) {
      if (count < 0) {
        throw new InvalidInputException("autoSubmitCount", count, "must be 0 (off) or positive");
      }
      this.autoSubmitCount = count;
      return this;
    }

    public QueueOptions build() {
      return new QueueOptions(this);
    }
  }
}
