package dev.appoptics.metrics;

import static dev.appoptics.metrics.ResourceJson.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.OptionalLong;

/** JSON for snapshots and jobs. */
final class SnapshotCodec {
  private SnapshotCodec() {}

  /**
   * {@code {"subject":{"chart":{"id","type"}},"duration","end_time"}}, leaving out what the service defaults.
   * {@code end_time} goes as ISO-8601 text, the form the service writes it in and the Go client sends.
   */
  static ObjectNode toJson(Snapshot snapshot) {
    ObjectNode o = ResourceJson.object();
    ObjectNode chart = o.putObject("subject").putObject("chart").put("id", snapshot.chartId());
    snapshot.chartType().ifPresent(t -> chart.put("type", t.wireName()));
    snapshot.duration().ifPresent(d -> o.put("duration", d.getSeconds()));
    snapshot.endTime().ifPresent(t -> o.put("end_time", t.toString()));
    return o;
  }

  static Snapshot snapshot(JsonNode node) {
    JsonNode chart = node.path("subject").path("chart");
    Snapshot.Builder b = Snapshot.builder(ResourceJson.requiredLong(chart, "id"));
    ResourceJson.text(chart, "type").map(ChartType::fromWire).ifPresent(b::chartType);
    ResourceJson.longValue(node, "duration").ifPresent(s -> b.duration(Duration.ofSeconds(s)));
    timestamp(node, "end_time").ifPresent(b::endTime);
    long id = ResourceJson.resourceId(node);
    OptionalLong jobId = ResourceJson.idFromHref(node, "job_href");
    return b.stored(id, jobId.isPresent() ? jobId.getAsLong() : null, ResourceJson.text(node, "image_href").orElse(null),
            timestamp(node, "created_at").orElse(null), timestamp(node, "updated_at").orElse(null))
        .build();
  }

  static Job job(JsonNode node) {
    return new Job(
        ResourceJson.requiredLong(node, "id"),
        JobState.fromWire(ResourceJson.requiredText(node, "state")),
        ResourceJson.doubleValue(node, "progress"),
        ResourceJson.text(node, "output"),
        ResourceJson.present(node, "errors") ? ErrorBodies.messages(node.get("errors")) : java.util.List.of());
  }
}
