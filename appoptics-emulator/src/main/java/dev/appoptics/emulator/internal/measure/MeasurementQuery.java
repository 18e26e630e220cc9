package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.Point;
import dev.appoptics.emulator.internal.store.Series;
import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One {@code GET /v1/measurements/:name}: selects series by {@code tags[…]} or {@code tags_search}, reads their
 * points ({@code summary_function}), optionally combines them ({@code group_by} + {@code group_by_function}) and
 * reduces each to one point ({@code reduce}), then writes the answer. A range longer than the per-answer point cap
 * ends early and carries a {@code next} link continuing where it stopped.
 */
final class MeasurementQuery {
  private final ApiRequest request;
  private final EmulatorSettings settings;
  private final MeasurementStore store;

  MeasurementQuery(ApiRequest request, EmulatorSettings settings, MeasurementStore store) {
    this.request = request;
    this.settings = settings;
    this.store = store;
  }

  ApiResponse run(Metric metric, List<Series> all) {
    QueryWindow window = QueryWindow.of(request).servedBy(store);
    Predicate<Map<String, String>> filter = filter();
    boolean summaryAll = request.query("summary_function").map(f -> f.equalsIgnoreCase("all")).orElse(false);
    SummaryFunction function = summaryAll ? SummaryFunction.MEAN : summaryFunction(metric);
    List<String> groupBy = groupBy();
    SummaryFunction groupFunction = groupFunction(groupBy);
    if (summaryAll && !groupBy.isEmpty()) {
      throw ApiError.params("summary_function", "all cannot be combined with group_by");
    }
    SummaryFunction reduce = request.query("reduce").map(r -> parseFunction("reduce", r)).orElse(null);
    if (reduce != null && (summaryAll || reduce == SummaryFunction.DERIVATIVE || reduce == SummaryFunction.STDDEV)) {
      throw ApiError.params("reduce", "must be sum, min, max, mean, count or last, without summary_function=all");
    }

    long first = window.alignedStart();
    long r = window.resolution();
    long end = window.end();
    String next = null;
    long cap = settings.maxPointsPerAnswer();
    if ((end - first) / r + 1 > cap) {
      long resume = first + cap * r;
      end = resume - 1;
      next = nextLink(resume, window.end());
    }

    List<Series> selected = new ArrayList<>();
    for (Series s : all) {
      if (filter.test(s.tags())) {
        selected.add(s);
      }
    }
    List<Output> out = new ArrayList<>();
    if (groupBy.isEmpty()) {
      for (Series s : selected) {
        List<Aggregate> buckets = s.aggregates(first, end, r);
        out.add(new Output(s.tags(), summaryAll ? null : Series.points(buckets, function), buckets));
      }
    } else {
      out.addAll(group(selected, groupBy, groupFunction, first, end, r, function));
    }
    if (reduce != null) {
      out.replaceAll(o -> o.reduce(reduce));
    }
    return write(metric, window, out, next, summaryAll);
  }

  private Predicate<Map<String, String>> filter() {
    Map<String, List<String>> q = request.queryParams();
    boolean hasTags = TagFilter.present(q);
    String search = request.query("tags_search").orElse("");
    if (hasTags && !search.isBlank()) {
      throw ApiError.params("tags_search", "cannot be combined with tags");
    }
    return search.isBlank() ? TagFilter.fromQuery(q) : TagSearch.parse(search);
  }

  private SummaryFunction summaryFunction(Metric metric) {
    return request
        .query("summary_function")
        .map(f -> parseFunction("summary_function", f))
        .orElseGet(
            () -> {
              Object attr = metric.attributes().get("summarize_function");
              return attr == null
                  ? SummaryFunction.MEAN
                  : SummaryFunction.parse(attr.toString()).orElse(SummaryFunction.MEAN);
            });
  }

  private List<String> groupBy() {
    String g = request.query("group_by").orElse("").trim();
    if (g.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String part : g.split(",")) {
      if (!part.isBlank()) {
        names.add(part.trim().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private SummaryFunction groupFunction(List<String> groupBy) {
    if (groupBy.isEmpty()) {
      return null;
    }
    String f = request.query("group_by_function").orElse("");
    if (f.isBlank()) {
      throw ApiError.params("group_by_function", "is required with group_by (sum, min, max or mean)");
    }
    SummaryFunction fn = parseFunction("group_by_function", f);
    if (fn != SummaryFunction.SUM && fn != SummaryFunction.MIN && fn != SummaryFunction.MAX
        && fn != SummaryFunction.MEAN) {
      throw ApiError.params("group_by_function", "must be sum, min, max or mean, got " + f);
    }
    return fn;
  }

  private static SummaryFunction parseFunction(String param, String text) {
    return SummaryFunction.parse(text)
        .orElseThrow(
            () ->
                ApiError.params(
                    param, "must be one of sum, min, max, count, mean, last, derivative, stddev, got " + text));
  }

  private static List<Output> group(
      List<Series> series,
      List<String> names,
      SummaryFunction combine,
      long first,
      long end,
      long r,
      SummaryFunction function) {
    boolean all = names.contains("*");
    Map<String, Map<String, String>> groupTags = new TreeMap<>();
    Map<String, TreeMap<Long, double[]>> groups = new TreeMap<>();
    for (Series s : series) {
      Map<String, String> tags = new LinkedHashMap<>();
      if (!all) {
        boolean complete = true;
        for (String n : names) {
          String v = s.tags().get(n);
          if (v == null) {
            complete = false;
            break;
          }
          tags.put(n, v);
        }
        if (!complete) {
          continue;
        }
      }
      String key = tags.toString();
      groupTags.putIfAbsent(key, tags);
      TreeMap<Long, double[]> acc = groups.computeIfAbsent(key, k -> new TreeMap<>());
      for (Point p : s.read(first, end, r, function)) {
        double[] a = acc.get(p.time());
        if (a == null) {
          acc.put(p.time(), new double[] {p.value(), 1});
        } else {
          a[0] = combine == SummaryFunction.MIN ? Math.min(a[0], p.value())
              : combine == SummaryFunction.MAX ? Math.max(a[0], p.value()) : a[0] + p.value();
          a[1]++;
        }
      }
    }
    List<Output> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Long, double[]>> g : groups.entrySet()) {
      List<Point> points = new ArrayList<>();
      for (Map.Entry<Long, double[]> p : g.getValue().entrySet()) {
        double[] a = p.getValue();
        points.add(new Point(p.getKey(), combine == SummaryFunction.MEAN ? a[0] / a[1] : a[0]));
      }
      out.add(new Output(groupTags.get(g.getKey()), points, List.of()));
    }
    return out;
  }

  private String nextLink(long resume, long end) {
    StringBuilder href = new StringBuilder("http://");
    href.append(request.header("host").orElse(settings.bindAddress() + ":" + settings.port()));
    String raw = request.rawPath();
    int q = raw.indexOf('?');
    href.append(q < 0 ? raw : raw.substring(0, q)).append('?');
    for (Map.Entry<String, List<String>> e : request.queryParams().entrySet()) {
      String k = e.getKey();
      if (k.equals("start_time") || k.equals("end_time") || k.equals("duration")) {
        continue;
      }
      for (String v : e.getValue()) {
        href.append(enc(k)).append('=').append(enc(v)).append('&');
      }
    }
    href.append("start_time=").append(resume).append("&end_time=").append(end);
    return href.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private ApiResponse write(Metric metric, QueryWindow window, List<Output> out, String next, boolean all) {
    long points = 0;
    for (Output o : out) {
      points += all ? o.buckets.size() * 4L : o.points.size();
    }
    QueryAnswerJson json = new QueryAnswerJson(points);
    json.head(metric, window.resolution(), next);
    for (Output o : out) {
      json.beginSeries(o.tags);
      if (all) {
        o.buckets.forEach(json::bucket);
      } else {
        for (Point p : o.points) {
          json.point(p.time(), p.value());
        }
      }
      json.endSeries();
    }
    return ApiResponse.rawJson(200, json.finish());
  }

  /** One series of the answer: its tags, its points, and the merged buckets behind them ({@code all}). */
  private record Output(Map<String, String> tags, List<Point> points, List<Aggregate> buckets) {
    Output reduce(SummaryFunction f) {
      if (points.isEmpty()) {
        return this;
      }
      double acc = f == SummaryFunction.MIN ? Double.POSITIVE_INFINITY
          : f == SummaryFunction.MAX ? Double.NEGATIVE_INFINITY : 0;
      for (Point p : points) {
        acc = f == SummaryFunction.MIN ? Math.min(acc, p.value())
            : f == SummaryFunction.MAX ? Math.max(acc, p.value())
            : f == SummaryFunction.LAST ? p.value() : acc + p.value();
      }
      double v = f == SummaryFunction.COUNT ? points.size()
          : f == SummaryFunction.MEAN ? acc / points.size() : acc;
      return new Output(tags, List.of(new Point(points.get(0).time(), v)), List.of());
    }
  }
}
