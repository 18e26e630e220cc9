package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Csv;
import dev.appoptics.cli.internal.Json;
import dev.appoptics.cli.internal.LineChart;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.Point;
import dev.appoptics.metrics.CompositeResult;
import dev.appoptics.metrics.MeasurementResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Measurement or composite series as a table, CSV, JSON or terminal charts; shared by 'measurements get', 'composite' and the demo. */
final class SeriesOutput {
  private final String title;
  private final int resolution;
  private final List<Line> series;

  /** One series, whatever query produced it. */
  record Line(Map<String, String> tags, List<Point> points) {}

  private SeriesOutput(String title, int resolution, List<Line> series) {
    this.title = title;
    this.resolution = resolution;
    this.series = List.copyOf(series);
  }

  static SeriesOutput of(MeasurementResult result) {
    return new SeriesOutput(
        result.name(), result.resolution(),
        result.series().stream().map(s -> new Line(s.tags(), s.points())).collect(Collectors.toList()));
  }

  static SeriesOutput of(CompositeResult result) {
    return new SeriesOutput(
        result.compose(), result.resolution(),
        result.series().stream().map(s -> new Line(s.tags(), s.points())).collect(Collectors.toList()));
  }

  /** Tag names over all series, sorted; they become columns. */
  private List<String> tagNames() {
    TreeSet<String> names = new TreeSet<>();
    series.forEach(s -> names.addAll(s.tags().keySet()));
    return new ArrayList<>(names);
  }

  String table() {
    if (series.isEmpty()) {
      return "no series for " + title + " in this range\n";
    }
    List<String> names = tagNames();
    List<String> headers = new ArrayList<>();
    headers.add("time (UTC)");
    headers.addAll(names);
    headers.add("value");
    Table table = new Table(headers.toArray(String[]::new));
    for (Line s : series) {
      for (Point p : s.points()) {
        List<Object> row = new ArrayList<>();
        row.add(Instant.ofEpochSecond(p.time()).toString());
        names.forEach(n -> row.add(s.tags().getOrDefault(n, "")));
        row.add(p.valueIfPresent().isPresent() ? (Object) p.value() : null);
        table.row(row.toArray());
      }
    }
    return table.render();
  }

  String csv() {
    List<String> names = tagNames();
    List<String> header = new ArrayList<>();
    header.add("time");
    header.addAll(names);
    header.add("value");
    Csv csv = new Csv(header);
    for (Line s : series) {
      for (Point p : s.points()) {
        List<Object> row = new ArrayList<>();
        row.add(p.time());
        names.forEach(n -> row.add(s.tags().getOrDefault(n, "")));
        row.add(p.valueIfPresent().isPresent() ? p.value() : null);
        csv.row(row);
      }
    }
    return csv.render();
  }

  String json() {
    ObjectNode root = Json.object().put("name", title).put("resolution", resolution);
    ArrayNode list = root.putArray("series");
    for (Line s : series) {
      ObjectNode node = list.addObject();
      ObjectNode tags = node.putObject("tags");
      s.tags().forEach(tags::put);
      ArrayNode points = node.putArray("points");
      for (Point p : s.points()) {
        ObjectNode point = points.addObject().put("time", p.time());
        if (p.valueIfPresent().isPresent()) {
          point.put("value", p.value());
        }
        for (Map.Entry<String, Double> summary : p.summaries().entrySet()) {
          point.put(summary.getKey(), summary.getValue());
        }
      }
    }
    return Json.pretty(root);
  }

  /** One chart per series, each under a heading naming the series and its point count. */
  String plots(int width, int height) {
    if (series.isEmpty()) {
      return "no series for " + title + " in this range\n";
    }
    LineChart chart = new LineChart(width, height);
    StringBuilder out = new StringBuilder();
    for (Line s : series) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(heading(s)).append('\n');
      out.append(chart.render(points(s.points())));
    }
    return out.toString();
  }

  String heading(Line s) {
    return title + " " + Tagging.text(s.tags()) + " (" + s.points().size() + " points at " + resolution + " s)";
  }

  static List<LineChart.Point> points(List<Point> raw) {
    List<LineChart.Point> points = new ArrayList<>();
    for (Point p : raw) {
      p.valueIfPresent().ifPresent(v -> points.add(new LineChart.Point(p.time(), v)));
    }
    return points;
  }
}
