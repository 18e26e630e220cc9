package dev.appoptics.server.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Something stored in every API area of an emulator, and the reads that answer it back: for tests that compare what
 * two emulators (one started on the other's data) answer.
 */
final class EveryArea {
  static final long T = Instant.now().getEpochSecond() / 60 * 60 - 600;
  static final String CPU_RAW = "measurements/cpu?resolution=1&start_time=" + (T - 60) + "&end_time=" + (T + 60);

  private EveryArea() {}

  /** Creates something in every area; returns the paths that read it all back. */
  static List<String> create(Http http) {
    http.post("measurements", measurements("cpu", 3));
    http.post("measurements", measurements("cpu", 3));
    http.post("measurements", "{\"measurements\":[{\"name\":\"latency\",\"time\":" + T
        + ",\"count\":4,\"sum\":10,\"min\":1,\"max\":4,\"tags\":{\"host\":\"b\"}}]}");
    http.put("metrics/cpu", "{\"display_name\":\"CPU\",\"attributes\":{\"color\":\"#52D74C\",\"aggregate\":true}}");
    http.put("metrics/cpu.total", "{\"type\":\"composite\",\"composite\":\"sum(s(\\\"cpu\\\", \\\"*\\\"))\"}");
    long space = http.post("spaces", "{\"name\":\"ops\",\"tags\":true}").get("id").asLong();
    http.post("spaces/" + space + "/charts",
        "{\"name\":\"load\",\"streams\":[{\"metric\":\"cpu\",\"tags\":[{\"name\":\"host\",\"values\":[\"*\"]}]}]}");
    long service = http.post("services",
        "{\"type\":\"mail\",\"title\":\"ops mail\",\"settings\":{\"addresses\":\"ops@example.com\"}}").get("id")
        .asLong();
    long alert = http.post("alerts", "{\"name\":\"cpu.high\",\"conditions\":[{\"type\":\"above\",\"metric_name\":"
        + "\"cpu\",\"threshold\":90}],\"services\":[" + service + "]}").get("id").asLong();
    http.post("alerts/" + alert + "/clear", "{}");
    http.post("annotations/deploys", "{\"title\":\"v1\",\"start_time\":" + T + ",\"source\":\"ci\"}");
    http.post("annotations/deploys/1/links", "{\"rel\":\"release\",\"href\":\"https://example.com/v1\"}");
    http.put("annotations/deploys", "{\"display_name\":\"Deploys\"}");
    http.post("api_tokens", "{\"name\":\"recorder\",\"role\":\"recorder\"}");
    JsonNode chart = http.get("spaces/" + space + "/charts").get(0);
    http.post("snapshots", "{\"subject\":{\"chart\":{\"id\":" + chart.get("id") + "}}}");
    return List.of("metrics", "metrics/cpu", "metrics/cpu.total", "metrics/latency",
        CPU_RAW,
        "measurements/cpu?resolution=60&start_time=" + (T - 60) + "&end_time=" + (T + 60),
        "measurements/latency?resolution=3600&summary_function=all&start_time=" + (T - 3600),
        "measurements/cpu.total?resolution=60&start_time=" + (T - 60) + "&end_time=" + (T + 60),
        "spaces", "spaces/" + space, "spaces/" + space + "/charts", "services", "alerts", "alerts/" + alert,
        "alerts/status", "annotations", "annotations/deploys?start_time=" + (T - 60), "annotations/deploys/1",
        "api_tokens", "snapshots/1", "jobs/1");
  }

  static String measurements(String name, int hosts) {
    StringBuilder b = new StringBuilder("{\"measurements\":[");
    for (int h = 0; h < hosts; h++) {
      for (int s = 0; s < 5; s++) {
        b.append(h + s == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"value\":")
            .append(h * 10 + s + 0.25).append(",\"time\":").append(T + s).append(",\"tags\":{\"host\":\"h")
            .append(h).append("\"}}");
      }
    }
    return b.append("]}").toString();
  }

  static Map<String, JsonNode> reads(Http http, List<String> paths) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String p : paths) {
      out.put(p, http.get(p));
    }
    return out;
  }

  static List<String> paths(Map<String, JsonNode> reads) {
    return List.copyOf(reads.keySet());
  }

  /** Copies a data directory file by file, as the files are now: what a killed process leaves behind. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("lock")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
