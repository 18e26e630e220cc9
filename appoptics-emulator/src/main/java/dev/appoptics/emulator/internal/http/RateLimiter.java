package dev.appoptics.emulator.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window request counter per token. Every answer carries {@code X-Librato-RateLimit-Std} and
 * {@code X-Librato-RateLimit-Agg} with the value {@code limit=L,remaining=R,reset=EPOCH_SECONDS}; when no limit is
 * configured the values are generous ({@link #UNLIMITED}) and nothing is counted. Thread-safe.
 */
final class RateLimiter {
  static final int UNLIMITED = 1_000_000;

  private final int limit;
  private final long windowSeconds;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(int limit, long windowSeconds) {
    this.limit = limit;
    this.windowSeconds = windowSeconds;
  }

  /** Counts one request of {@code token} at {@code now}; the state after counting. */
  Decision acquire(String token, long now) {
    if (limit <= 0) {
      long reset = (Math.floorDiv(now, 60) + 1) * 60;
      return new Decision(true, UNLIMITED, UNLIMITED, reset);
    }
    Window w = windows.computeIfAbsent(token, t -> new Window());
    synchronized (w) {
      long start = Math.floorDiv(now, windowSeconds) * windowSeconds;
      if (w.start != start) {
        w.start = start;
        w.used = 0;
      }
      boolean allowed = w.used < limit;
      if (allowed) {
        w.used++;
      }
      return new Decision(allowed, limit, limit - w.used, start + windowSeconds);
    }
  }

  void clear() {
    windows.clear();
  }

  private static final class Window {
    long start = Long.MIN_VALUE;
    int used;
  }

  record Decision(boolean allowed, int limit, int remaining, long reset) {
    String header() {
      return "limit=" + limit + ",remaining=" + remaining + ",reset=" + reset;
    }
  }
}
