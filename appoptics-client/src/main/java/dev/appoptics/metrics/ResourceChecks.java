package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Client-side validation for the resource models: each failure names the field and the rejected value. */
final class ResourceChecks {
  /** Alert names: the documented characters plus underscore, which the documented examples use. */
  static final Pattern ALERT_NAME = MetricNames.VALID;
  /** Annotation stream names follow the metric-name rule. */
  static final Pattern STREAM_NAME = MetricNames.VALID;
  static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  static final Pattern TRANSFORM = Pattern.compile("[\\dxp()+\\-*/. ]+");

  private ResourceChecks() {}

  static InvalidInputException invalid(String field, Object value, String why) {
    return new InvalidInputException(field, value, why);
  }

  /** The API answered something this client cannot read: no usable answer arrived. */
  static AppOpticsException malformedAnswer(String message) {
    return new TransportException("", "", "unexpected answer from the API: " + message, null);
  }

  static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(field, value, "must not be blank");
    }
    return value;
  }

  static String requireMatch(String field, String value, Pattern pattern, String rule) {
    requireText(field, value);
    if (!pattern.matcher(value).matches()) {
      throw invalid(field, value, rule);
    }
    return value;
  }

  static double requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw invalid(field, value, "must be a finite number");
    }
    return value;
  }

  static String requireOneOf(String field, String value, Collection<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw invalid(field, value, "must be one of " + allowed);
    }
    return value;
  }

  /** An immutable copy, rejecting null elements by index. */
  static <T> List<T> copyOf(String field, Collection<? extends T> values) {
    Check.notNull(field, values);
    List<T> out = new ArrayList<>(values.size());
    int i = 0;
    for (T v : values) {
      out.add(Check.notNull(field + "[" + i++ + "]", v));
    }
    return List.copyOf(out);
  }

  static String requireStreamName(String name) {
    return requireMatch(
        "stream", name, STREAM_NAME, "must be 1-255 characters of A-Z a-z 0-9 . : - _");
  }
}
