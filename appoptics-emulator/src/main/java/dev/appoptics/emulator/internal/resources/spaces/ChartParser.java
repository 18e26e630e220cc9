package dev.appoptics.emulator.internal.resources.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.emulator.internal.resources.FieldErrors;
import dev.appoptics.emulator.internal.resources.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a chart (after an update is merged into the stored one). Every field is kept as given; the checks are the
 * service's: a name, a known type, streams that each name a metric or a composite, function names from the documented
 * lists, and well-formed {@code thresholds}.
 */
final class ChartParser {
  static final Set<String> TYPES = Set.of("line", "stacked", "bignumber");
  private static final Map<String, Set<String>> FUNCTIONS =
      Map.of(
          "group_function", Set.of("average", "sum", "min", "max", "breakout"),
          "summary_function", Set.of("average", "sum", "min", "max", "count"),
          "downsample_function", Set.of("average", "sum", "min", "max", "count"));
  private static final Set<String> OPERATORS = Set.of(">", "<", "=");
  private static final Set<String> LEVELS = Set.of("red", "yellow");

  private ChartParser() {}

  static void validate(ObjectNode chart, FieldErrors errors) {
    Optional<JsonNode> name = Json.present(chart, "name");
    if (name.isEmpty() || (name.get().isTextual() && name.get().asText().isBlank())) {
      errors.add("name", "is not present");
    } else if (!name.get().isTextual()) {
      errors.add("name", "must be a string, was " + Json.show(name.get()));
    }
    JsonNode type = chart.get("type");
    if (!type.isTextual() || !TYPES.contains(type.asText())) {
      errors.add("type", "must be one of line, stacked, bignumber, was " + Json.show(type));
    }
    JsonNode streams = chart.get("streams");
    if (!streams.isArray()) {
      errors.add("streams", "must be an array, was " + Json.show(streams));
    } else {
      for (JsonNode stream : streams) {
        stream(stream, errors);
      }
    }
    thresholds(chart.get("thresholds"), errors);
  }

  private static void stream(JsonNode stream, FieldErrors errors) {
    FieldErrors nested = errors.nested("streams");
    if (!stream.isObject()) {
      nested.add("stream", "must be an object, was " + Json.show(stream));
      return;
    }
    boolean metric = Json.present(stream, "metric").map(m -> m.isTextual() && !m.asText().isBlank()).orElse(false);
    boolean composite =
        Json.present(stream, "composite").map(c -> c.isTextual() && !c.asText().isBlank()).orElse(false);
    if (!metric && !composite) {
      nested.add("metric", "is not present (a stream needs a metric or a composite), stream " + Json.show(stream));
    }
    for (Map.Entry<String, Set<String>> f : FUNCTIONS.entrySet()) {
      Optional<JsonNode> v = Json.present(stream, f.getKey());
      if (v.isPresent() && (!v.get().isTextual() || !f.getValue().contains(v.get().asText()))) {
        nested.add(
            f.getKey(),
            "must be one of " + String.join(", ", sorted(f.getValue())) + ", was " + Json.show(v.get()));
      }
    }
    Optional<JsonNode> tags = Json.present(stream, "tags");
    if (tags.isPresent()) {
      if (!tags.get().isArray()) {
        nested.add("tags", "must be an array, was " + Json.show(tags.get()));
      } else {
        for (JsonNode tag : tags.get()) {
          if (!tag.isObject() || !tag.path("name").isTextual()
              || (tag.has("values") && !tag.get("values").isArray())) {
            nested.add("tags", "each tag needs a name and a list of values, found " + Json.show(tag));
          }
        }
      }
    }
  }

  private static void thresholds(JsonNode thresholds, FieldErrors errors) {
    if (thresholds == null || thresholds.isNull()) {
      return;
    }
    if (!thresholds.isArray()) {
      errors.add("thresholds", "must be an array, was " + Json.show(thresholds));
      return;
    }
    for (JsonNode t : thresholds) {
      boolean ok =
          t.isObject()
              && OPERATORS.contains(t.path("operator").asText())
              && t.path("value").isNumber()
              && LEVELS.contains(t.path("type").asText());
      if (!ok) {
        errors.add(
            "thresholds",
            "each threshold needs operator (>, < or =), a numeric value and type red or yellow, found "
                + Json.show(t));
      }
    }
  }

  /** The stream as stored: its id first, then every field as given, with the type the service derives. */
  static ObjectNode normalizeStream(ObjectNode given, long id) {
    ObjectNode out = Json.object();
    out.put("id", id);
    given.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("id")) {
        out.set(e.getKey(), e.getValue());
      }
    });
    boolean composite = Json.present(given, "composite").isPresent();
    out.put("type", composite ? "composite" : "gauge");
    return out;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
