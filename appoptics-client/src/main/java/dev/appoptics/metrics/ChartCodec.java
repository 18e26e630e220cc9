package dev.appoptics.metrics;

import static dev.appoptics.metrics.ResourceJson.bool;
import static dev.appoptics.metrics.ResourceJson.doubleValue;
import static dev.appoptics.metrics.ResourceJson.intValue;
import static dev.appoptics.metrics.ResourceJson.longValue;
import static dev.appoptics.metrics.ResourceJson.put;
import static dev.appoptics.metrics.ResourceJson.requiredText;
import static dev.appoptics.metrics.ResourceJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON for charts, their streams, tags and thresholds. */
final class ChartCodec {
  private ChartCodec() {}

  /** The chart as sent; {@code withIds} keeps chart and stream ids (updates) or drops them (creates). */
  static ObjectNode toJson(Chart chart, boolean withIds) {
    ObjectNode o = ResourceJson.object();
    if (withIds) {
      put(o, "id", chart.id());
    }
    o.put("name", chart.name());
    o.put("type", chart.type().wireName());
    ArrayNode streams = o.putArray("streams");
    chart.streams().forEach(s -> streams.add(toJson(s, withIds)));
    put(o, "min", chart.min());
    put(o, "max", chart.max());
    put(o, "label", chart.label());
    put(o, "related_space", chart.relatedSpace());
    if (!chart.thresholds().isEmpty()) {
      ArrayNode thresholds = o.putArray("thresholds");
      for (Threshold t : chart.thresholds()) {
        thresholds.addObject().put("operator", t.operator()).put("value", t.value()).put("type", t.type());
      }
    }
    put(o, "use_log_yaxis", chart.useLogYAxis());
    put(o, "use_last_value", chart.useLastValue());
    return o;
  }

  static ObjectNode toJson(ChartStream s, boolean withIds) {
    ObjectNode o = ResourceJson.object();
    if (withIds) {
      put(o, "id", s.id());
    }
    put(o, "metric", s.metric());
    put(o, "composite", s.composite());
    if (!s.tags().isEmpty()) {
      ArrayNode tags = o.putArray("tags");
      for (StreamTag t : s.tags()) {
        ObjectNode tag = tags.addObject();
        tag.put("name", t.name());
        tag.set("values", ResourceJson.textArray(t.values()));
        tag.put("grouped", t.isGrouped());
        tag.put("dynamic", t.isDynamic());
      }
    }
    put(o, "type", s.type());
    put(o, "name", s.name());
    put(o, "group_function", s.groupFunction());
    put(o, "summary_function", s.summaryFunction());
    put(o, "transform_function", s.transformFunction());
    put(o, "downsample_function", s.downsampleFunction());
    put(o, "period", s.period());
    put(o, "min", s.min());
    put(o, "max", s.max());
    put(o, "units_short", s.unitsShort());
    put(o, "units_long", s.unitsLong());
    put(o, "color", s.color());
    put(o, "position", s.position());
    put(o, "split_axis", s.splitAxis());
    put(o, "gap_detection", s.gapDetection());
    return o;
  }

  static Chart chart(JsonNode node) {
    Chart.Builder b = Chart.builder(requiredText(node, "name"));
    b.id(ResourceJson.requiredLong(node, "id"));
    text(node, "type").map(ChartType::fromWire).ifPresent(b::type);
    node.path("streams").forEach(s -> b.stream(stream(s)));
    doubleValue(node, "min").ifPresent(b::min);
    doubleValue(node, "max").ifPresent(b::max);
    text(node, "label").ifPresent(b::label);
    longValue(node, "related_space").ifPresent(b::relatedSpace);
    for (JsonNode t : node.path("thresholds")) {
      b.threshold(
          Threshold.of(
              requiredText(t, "operator"),
              doubleValue(t, "value").orElseThrow(() -> ResourceJson.malformed(t, "value")),
              requiredText(t, "type")));
    }
    bool(node, "use_log_yaxis").ifPresent(b::useLogYAxis);
    bool(node, "use_last_value").ifPresent(b::useLastValue);
    return b.build();
  }

  static ChartStream stream(JsonNode node) {
    ChartStream.Builder b =
        text(node, "composite").isPresent()
            ? ChartStream.composite(requiredText(node, "composite"))
            : ChartStream.metric(requiredText(node, "metric"));
    b.decoded();
    longValue(node, "id").ifPresent(b::id);
    for (JsonNode t : node.path("tags")) {
      b.tag(
          StreamTag.of(
              requiredText(t, "name"),
              ResourceJson.texts(t, "values"),
              t.path("grouped").asBoolean(false),
              t.path("dynamic").asBoolean(false)));
    }
    text(node, "type").ifPresent(b::type);
    text(node, "name").ifPresent(b::name);
    text(node, "group_function").ifPresent(b::groupFunction);
    text(node, "summary_function").ifPresent(b::summaryFunction);
    text(node, "transform_function").ifPresent(b::transformFunction);
    text(node, "downsample_function").ifPresent(b::downsampleFunction);
    intValue(node, "period").ifPresent(b::period);
    doubleValue(node, "min").ifPresent(b::min);
    doubleValue(node, "max").ifPresent(b::max);
    text(node, "units_short").ifPresent(b::unitsShort);
    text(node, "units_long").ifPresent(b::unitsLong);
    text(node, "color").ifPresent(b::color);
    intValue(node, "position").ifPresent(b::position);
    bool(node, "split_axis").ifPresent(b::splitAxis);
    bool(node, "gap_detection").ifPresent(b::gapDetection);
    return b.build();
  }

  static Space space(JsonNode node) {
    java.util.List<Long> chartIds = new java.util.ArrayList<>();
    for (JsonNode c : node.path("charts")) {
      chartIds.add(c.isObject() ? ResourceJson.requiredLong(c, "id") : c.asLong());
    }
    return new Space(ResourceJson.requiredLong(node, "id"), requiredText(node, "name"), chartIds);
  }
}
