package dev.appoptics.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * When a durable emulator (one with a {@linkplain AppOpticsEmulator.Builder#dataDirectory data directory}) forces
 * what it accepted onto the disk. Under both policies every accepted request is handed to the operating system
 * before it is answered, so killing the process loses nothing it answered 2xx; they differ on a crash of the host:
 *
 * <ul>
 *   <li>{@link #interval(Duration)} (the default, every second): the disk is synced once per interval, so a host
 *       crash loses at most the last interval of answered requests;
 *   <li>{@link #beforeAnswer()}: every request waits for its sync before it is answered (concurrent requests share
 *       one), so a host crash loses nothing answered, at the cost of a sync in every answer's latency.
 * </ul>
 *
 * Immutable.
 */
public final class SyncPolicy {
  private static final SyncPolicy BEFORE_ANSWER = new SyncPolicy(Duration.ZERO);

  private final Duration interval;

  private SyncPolicy(Duration interval) {
    this.interval = interval;
  }

  /** The default: sync once a second. */
  public static SyncPolicy defaults() {
    return interval(Duration.ofSeconds(1));
  }

  /** Sync every {@code interval} (positive); a host crash may lose up to one interval of answered requests. */
  public static SyncPolicy interval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("sync interval must be positive, was " + interval);
    }
    return new SyncPolicy(interval);
  }

  /** Sync before every answer (group commit: requests waiting at the same time share one sync). */
  public static SyncPolicy beforeAnswer() {
    return BEFORE_ANSWER;
  }

  /**
   * The policy a command line names: {@code before-answer}, or an interval such as {@code 1s}, {@code 250ms} or
   * {@code 2m}.
   */
  public static SyncPolicy parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("before-answer")) {
      return beforeAnswer();
    }
    return interval(Durations.parse("sync policy", t));
  }

  /** Whether each answer waits for its sync. */
  public boolean syncsBeforeAnswer() {
    return interval.isZero();
  }

  /** The time between syncs; {@link Duration#ZERO} for {@link #beforeAnswer()}. */
  public Duration interval() {
    return interval;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyncPolicy p && p.interval.equals(interval);
  }

  @Override
  public int hashCode() {
    return interval.hashCode();
  }

  @Override
  public String toString() {
    return syncsBeforeAnswer() ? "before-answer" : Durations.format(interval);
  }
}
