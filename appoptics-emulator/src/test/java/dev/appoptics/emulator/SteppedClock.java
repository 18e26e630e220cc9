package dev.appoptics.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets by hand, so that time-dependent behaviour is stepped through instead of slept through. */
final class SteppedClock extends Clock {
  private volatile Instant now;

  SteppedClock(long epochSecond) {
    this.now = Instant.ofEpochSecond(epochSecond);
  }

  void set(long epochSecond) {
    now = Instant.ofEpochSecond(epochSecond);
  }

  long seconds() {
    return now.getEpochSecond();
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
