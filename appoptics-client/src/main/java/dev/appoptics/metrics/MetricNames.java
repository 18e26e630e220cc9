package dev.appoptics.metrics;

import java.util.regex.Pattern;

/**
 * Metric-name helpers. {@link #sanitize} is the sanitizer to pass to {@link AppOptics.Builder#sanitizer}; the
 * default is none, so invalid names are refused with an {@link InvalidInputException} before anything is sent.
 */
public final class MetricNames {
  /** The longest metric name the API stores. */
  public static final int MAX_LENGTH = 255;

  private static final Pattern DISALLOWED_RUN = Pattern.compile("[^A-Za-z0-9.:\\-_]+");
  /** The API's metric-name rule; annotation stream names follow it too. */
  static final Pattern VALID = Pattern.compile("[A-Za-z0-9.:_-]{1,255}");

  private MetricNames() {}

  /**
   * Makes a name acceptable to the API: every run of characters outside {@code A-Z a-z 0-9 . : - _} becomes one
   * {@code -}, then the result is cut at 255 characters. {@code sanitize("Just*toBeSafe")} is {@code "Just-toBeSafe"}.
   */
  public static String sanitize(String name) {
    if (isPlain(name)) {
      return name; // the common case, without a regex and a copy
    }
    String replaced = DISALLOWED_RUN.matcher(name).replaceAll("-");
    return replaced.length() > MAX_LENGTH ? replaced.substring(0, MAX_LENGTH) : replaced;
  }

  private static boolean isPlain(String name) {
    int n = name.length();
    if (n == 0 || n > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == ':' || c == '-' || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** Same as {@link #sanitize} (the Python library's name). */
  public static String sanitizeMetricName(String name) {
    return sanitize(name);
  }

  /** Returns {@code name} unchanged: the default sanitizer (the Python library's {@code sanitize_no_op}). */
  public static String sanitizeNoOp(String name) {
    return name;
  }

  /** Whether the API accepts {@code name} as it is (1–255 of {@code A-Z a-z 0-9 . : - _}). */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }
}
