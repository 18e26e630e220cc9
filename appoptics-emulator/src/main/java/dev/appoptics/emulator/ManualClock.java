package dev.appoptics.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told to, for tests of time-dependent behaviour (measurement windows, alert durations,
 * rearm): give it to {@link AppOpticsEmulator.Builder#clock}, then {@link #set} or {@link #advance} it between steps
 * instead of sleeping. Thread-safe; always in UTC.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.atEpochSecond(1_700_000_000);
 * AppOpticsEmulator emulator = AppOpticsEmulator.builder().clock(clock).alertInterval(Duration.ZERO).start();
 * clock.advance(Duration.ofMinutes(5));
 * emulator.evaluateAlerts();
 * }</pre>
 */
public final class ManualClock extends Clock {
  private volatile Instant now;

  private ManualClock(Instant now) {
    this.now = now;
  }

  public static ManualClock at(Instant now) {
    return new ManualClock(Objects.requireNonNull(now, "now"));
  }

  public static ManualClock atEpochSecond(long epochSecond) {
    return at(Instant.ofEpochSecond(epochSecond));
  }

  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  public void setEpochSecond(long epochSecond) {
    set(Instant.ofEpochSecond(epochSecond));
  }

  /** Moves the clock by {@code step}, which may be negative. */
  public synchronized void advance(Duration step) {
    now = now.plus(step);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: it only keeps UTC, and a copy in another zone would stop moving with it. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "ManualClock[" + now + "]";
  }
}
