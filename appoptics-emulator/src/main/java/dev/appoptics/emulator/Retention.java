package dev.appoptics.emulator;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each resolution of stored measurements is kept: the 1-second buckets ("raw") and the 1-minute,
 * 15-minute and 1-hour roll-ups. Older buckets are removed in the background, and a query whose range reaches past
 * what its resolution keeps is answered from a coarser roll-up that still holds the range (its answer names the
 * resolution it used).
 *
 * <p>{@link #service()} is what AppOptics kept: raw 2 days, 1 minute 32 days, 1 hour 558 days; the service had no
 * 15-minute roll-up of its own, and the 15-minute buckets here are kept as long as the 1-minute ones (they make
 * 15-minute queries cheap within that range). Durable emulators default to it; in-memory ones keep everything.
 * Each resolution keeps at least as long as the finer ones. Immutable; build with {@link #builder()}.
 */
public final class Retention {
  /** Kept as long as the store exists. */
  public static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  private static final Retention SERVICE =
      new Retention(Duration.ofDays(2), Duration.ofDays(32), Duration.ofDays(32), Duration.ofDays(558));
  private static final Retention KEEP_ALL = new Retention(FOREVER, FOREVER, FOREVER, FOREVER);

  private final Duration raw;
  private final Duration minute;
  private final Duration quarterHour;
  private final Duration hour;

  private Retention(Duration raw, Duration minute, Duration quarterHour, Duration hour) {
    this.raw = raw;
    this.minute = minute;
    this.quarterHour = quarterHour;
    this.hour = hour;
  }

  /** AppOptics's retention: raw 2 days, 1 minute 32 days, 15 minutes 32 days, 1 hour 558 days. */
  public static Retention service() {
    return SERVICE;
  }

  /** Everything is kept. */
  public static Retention forever() {
    return KEEP_ALL;
  }

  /** A builder starting from {@link #service()}. */
  public static Builder builder() {
    return new Builder(SERVICE);
  }

  /**
   * The retention a command line names: comma-separated {@code raw=}, {@code 1m=}, {@code 15m=} and {@code 1h=}
   * settings, each a duration such as {@code 2d} or {@code 12h}, or {@code forever}; resolutions left out keep the
   * service's values. Example: {@code raw=7d,1m=90d}.
   */
  public static Retention parse(String text) {
    Builder b = builder();
    for (String part : text.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("retention setting must be RESOLUTION=DURATION, was '" + p + "'");
      }
      String key = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      Duration d = value.equals("forever") ? FOREVER : Durations.parse("retention of " + key, value);
      switch (key) {
        case "raw" -> b.raw(d);
        case "1m" -> b.minute(d);
        case "15m" -> b.quarterHour(d);
        case "1h" -> b.hour(d);
        default -> throw new IllegalArgumentException(
            "retention resolution must be raw, 1m, 15m or 1h, was '" + key + "'");
      }
    }
    return b.build();
  }

  /** How long the 1-second buckets are kept. */
  public Duration raw() {
    return raw;
  }

  /** How long the 1-minute roll-ups are kept. */
  public Duration minute() {
    return minute;
  }

  /** How long the 15-minute roll-ups are kept. */
  public Duration quarterHour() {
    return quarterHour;
  }

  /** How long the 1-hour roll-ups are kept. */
  public Duration hour() {
    return hour;
  }

  /** How long the buckets {@code widthSeconds} wide (1, 60, 900 or 3600) are kept. */
  public Duration forWidth(int widthSeconds) {
    return switch (widthSeconds) {
      case 1 -> raw;
      case 60 -> minute;
      case 900 -> quarterHour;
      case 3600 -> hour;
      default -> throw new IllegalArgumentException("no roll-up is " + widthSeconds + " s wide (1, 60, 900, 3600)");
    };
  }

  /** Whether nothing is ever removed. */
  public boolean keepsEverything() {
    return equals(KEEP_ALL);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Retention r && r.raw.equals(raw) && r.minute.equals(minute)
        && r.quarterHour.equals(quarterHour) && r.hour.equals(hour);
  }

  @Override
  public int hashCode() {
    return Objects.hash(raw, minute, quarterHour, hour);
  }

  @Override
  public String toString() {
    Map<String, Duration> parts = new LinkedHashMap<>();
    parts.put("raw", raw);
    parts.put("1m", minute);
    parts.put("15m", quarterHour);
    parts.put("1h", hour);
    StringBuilder b = new StringBuilder();
    parts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=')
        .append(Durations.format(v)));
    return b.toString();
  }

  /** Builds a {@link Retention}; each setting must be positive and at least as long as the finer ones. */
  public static final class Builder {
    private Duration raw;
    private Duration minute;
    private Duration quarterHour;
    private Duration hour;

    private Builder(Retention from) {
      raw = from.raw;
      minute = from.minute;
      quarterHour = from.quarterHour;
      hour = from.hour;
    }

    public Builder raw(Duration d) {
      raw = positive("raw", d);
      return this;
    }

    public Builder minute(Duration d) {
      minute = positive("1m", d);
      return this;
    }

    public Builder quarterHour(Duration d) {
      quarterHour = positive("15m", d);
      return this;
    }

    public Builder hour(Duration d) {
      hour = positive("1h", d);
      return this;
    }

    /** The retention; refuses a resolution kept shorter than a finer one, naming both. */
    public Retention build() {
      ordered("raw", raw, "1m", minute);
      ordered("1m", minute, "15m", quarterHour);
      ordered("15m", quarterHour, "1h", hour);
      return new Retention(raw, minute, quarterHour, hour);
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("retention of " + what + " must be positive, was " + d);
      }
      return d;
    }

    private static void ordered(String finer, Duration f, String coarser, Duration c) {
      if (c.compareTo(f) < 0) {
        throw new IllegalArgumentException("retention of " + coarser + " (" + Durations.format(c)
            + ") must be at least that of " + finer + " (" + Durations.format(f) + ")");
      }
    }
  }
}
