package dev.appoptics.metrics;

import java.util.Map;
import java.util.regex.Pattern;

/** The API's validation rules, applied before sending so that bad input fails with a precise local error. */
final class Check {
  static final int MAX_TAGS = 50;
  private static final Pattern TAG_NAME = Pattern.compile("[-.:_\\w]{1,64}");
  private static final Pattern TAG_VALUE = Pattern.compile("[-.:_?\\\\/\\w ]{1,255}");

  private Check() {}

  static String metricName(String name) {
    if (name == null || !MetricNames.isValid(name)) {
      throw new InvalidInputException(
          "name",
          name,
          "a metric name is 1-255 characters of A-Z a-z 0-9 . : - _ (use MetricNames::sanitize as the sanitizer"
              + " to clean names automatically)");
    }
    return name;
  }

  static Map<String, String> tags(Map<String, String> tags, boolean required) {
    if (tags.isEmpty() && required) {
      throw new InvalidInputException(
          "tags", tags, "at least one tag is needed (give tags here or on the connection/queue)");
    }
    if (tags.size() > MAX_TAGS) {
      throw new InvalidInputException("tags", tags.keySet(), "at most " + MAX_TAGS + " tags are allowed");
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (tag.getKey() == null || !TAG_NAME.matcher(tag.getKey()).matches()) {
        throw new InvalidInputException(
            "tags", tag.getKey(), "a tag name is 1-64 characters of letters, digits and - . : _");
      }
      if (tag.getValue() == null || !TAG_VALUE.matcher(tag.getValue()).matches()) {
        throw new InvalidInputException(
            "tags." + tag.getKey(),
            tag.getValue(),
            "a tag value is 1-255 characters of letters, digits, space and - . : _ ? \\ /");
      }
    }
    return tags;
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(field, value, "must be a finite number (JSON cannot carry NaN or infinity)");
    }
    return value;
  }

  static long positive(String field, long value) {
    if (value <= 0) {
      throw new InvalidInputException(field, value, "must be positive");
    }
    return value;
  }

  static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    return value;
  }
}
