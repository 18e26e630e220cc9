package dev.appoptics.emulator;

/** How the request log writes its one line per request. */
public enum RequestLogFormat {
  /** For people: {@code POST /v1/measurements -> 202 58B 1.2ms}. */
  TEXT,
  /**
   * For log shippers: one JSON object per line with {@code time} (ISO-8601, UTC), {@code method}, {@code path},
   * {@code query} (when there is one), {@code route} (the route's pattern, such as {@code /v1/spaces/{id}}, or
   * {@code other}), {@code status}, {@code bytes} (answer body), {@code duration_ms}, {@code remote} and
   * {@code user_agent}; tokens are never logged. Failures while answering are lines with {@code level} {@code error}
   * and {@code message}.
   */
  JSON
}
