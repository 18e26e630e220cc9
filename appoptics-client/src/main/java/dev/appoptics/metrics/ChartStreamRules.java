package dev.appoptics.metrics;

import java.util.List;

/** The checks {@link ChartStream} applies to values a caller builds, and its text form. */
final class ChartStreamRules {
  static final List<String> GROUP_FUNCTIONS = List.of("average", "sum", "min", "max", "breakout");
  static final List<String> SUMMARY_FUNCTIONS = List.of("average", "sum", "min", "max", "count");

  private static final String[] FIELD_NAMES = {
    "id", "metric", "composite", "tags", "type", "name", "group_function", "summary_function", "transform_function",
    "downsample_function", "period", "min", "max", "units_short", "units_long", "color", "position", "split_axis",
    "gap_detection"
  };

  private ChartStreamRules() {}

  /** Rejects what the API certainly refuses, naming the field and the value. */
  static void validate(ChartStream s) {
    String metric = s.metric().orElse(null);
    String composite = s.composite().orElse(null);
    if ((metric == null) == (composite == null)) {
      throw ResourceChecks.invalid("streams.metric", metric, "or streams.composite must be set, but not both");
    }
    if (composite != null && !s.tags().isEmpty()) {
      throw ResourceChecks.invalid("streams.tags", s.tags(), "cannot be used with a composite stream");
    }
    if (composite != null && s.groupFunction().isPresent()) {
      throw ResourceChecks.invalid(
          "streams.group_function", s.groupFunction().get(), "cannot be used with a composite stream");
    }
    if (metric != null && s.downsampleFunction().isPresent()) {
      throw ResourceChecks.invalid(
          "streams.downsample_function", s.downsampleFunction().get(), "applies to composite streams only");
    }
    check("streams.group_function", s.groupFunction().orElse(null), GROUP_FUNCTIONS);
    check("streams.summary_function", s.summaryFunction().orElse(null), SUMMARY_FUNCTIONS);
    check("streams.downsample_function", s.downsampleFunction().orElse(null), SUMMARY_FUNCTIONS);
    s.transformFunction()
        .filter(f -> !ResourceChecks.TRANSFORM.matcher(f).matches())
        .ifPresent(
            f -> {
              throw ResourceChecks.invalid(
                  "streams.transform_function", f, "may only use digits, x, p, parentheses, spaces and + - * / .");
            });
    s.color()
        .filter(c -> !ResourceChecks.COLOR.matcher(c).matches())
        .ifPresent(
            c -> {
              throw ResourceChecks.invalid("streams.color", c, "must look like #1f77b4");
            });
    if (s.period().isPresent() && s.period().getAsInt() < 1) {
      throw ResourceChecks.invalid("streams.period", s.period().getAsInt(), "must be at least 1 second");
    }
    if (s.position().isPresent() && s.position().getAsInt() < 0) {
      throw ResourceChecks.invalid("streams.position", s.position().getAsInt(), "must not be negative");
    }
  }

  /** {@code ChartStream{metric=cpu, color=#1f77b4}}: the fields that are set, by their API names. */
  static String describe(Object[] values) {
    StringBuilder out = new StringBuilder("ChartStream{");
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && !(values[i] instanceof List<?> l && l.isEmpty())) {
        out.append(out.length() > 12 ? ", " : "").append(FIELD_NAMES[i]).append('=').append(values[i]);
      }
    }
    return out.append('}').toString();
  }

  private static void check(String field, String value, List<String> allowed) {
    if (value != null) {
      ResourceChecks.requireOneOf(field, value, allowed);
    }
  }
}
