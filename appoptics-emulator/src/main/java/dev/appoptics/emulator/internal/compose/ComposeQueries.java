package dev.appoptics.emulator.internal.compose;

import dev.appoptics.composite.Composite;
import dev.appoptics.composite.CompositeEvaluationException;
import dev.appoptics.composite.CompositeSyntaxException;
import dev.appoptics.composite.Expression;
import dev.appoptics.composite.MetricInfo;
import dev.appoptics.composite.Point;
import dev.appoptics.composite.Series;
import dev.appoptics.composite.TimeRange;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.measure.CompositeQueries;
import dev.appoptics.emulator.internal.measure.QueryWindow;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composite metrics in the emulator: {@code GET /v1/measurements?compose=…} (and the legacy
 * {@code GET /v1/metrics?compose=…}), persisted composites queried by name, and the check before a composite is
 * stored. Expressions are evaluated by the composite language module over the measurement store. Thread-safe: it
 * keeps no state of its own.
 */
public final class ComposeQueries implements CompositeQueries {
  private final EmulatorState state;

  public ComposeQueries(EmulatorState state) {
    this.state = state;
  }

  @Override
  public ApiResponse compose(ApiRequest request) {
    String text = request.query("compose").orElseThrow(() -> ApiError.params("compose", "is required"));
    Composite composite = compile(text, "compose");
    QueryWindow window = QueryWindow.of(request).servedBy(state.store());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("compose", text);
    body.put("resolution", window.resolution());
    body.put("series", series(evaluate(composite, window)));
    return ApiResponse.json(200, body);
  }

  @Override
  public ApiResponse queryPersisted(Metric metric, ApiRequest request) {
    String text = metric.composite().orElseThrow(() -> ApiError.params("composite", "is missing on " + metric.name()));
    Composite composite = compile(text, "composite");
    QueryWindow window = QueryWindow.of(request).servedBy(state.store());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", metric.name());
    body.put("type", metric.type());
    body.put("composite", text);
    body.put("resolution", window.resolution());
    body.put("attributes", metric.attributes());
    body.put("links", List.of());
    body.put("series", series(evaluate(composite, window)));
    return ApiResponse.json(200, body);
  }

  @Override
  public void validate(String expression) {
    Composite composite = compile(expression, "composite");
    MetricRegistry registry = state.registry();
    for (String name : selectedMetrics(composite.expression())) {
      if (registry.get(name).map(Metric::isComposite).orElse(false)) {
        throw ApiError.params("composite", "cannot reference the composite metric " + name
            + "; composites cannot be nested");
      }
    }
  }

  @Override
  public List<CompositeQueries.Stream> evaluate(Metric metric, long start, long end, int resolution) {
    if (metric.composite().isEmpty()) {
      return List.of();
    }
    try {
      Composite composite = Composite.compile(metric.composite().get());
      List<CompositeQueries.Stream> out = new ArrayList<>();
      for (Series s : evaluate(composite, start, end, resolution)) {
        List<dev.appoptics.emulator.internal.store.Point> points = new ArrayList<>(s.points().size());
        for (Point p : s.points()) {
          points.add(new dev.appoptics.emulator.internal.store.Point(p.time(), p.value()));
        }
        out.add(new CompositeQueries.Stream(s.tags(), points));
      }
      return out;
    } catch (CompositeSyntaxException | CompositeEvaluationException e) {
      return List.of(); // stored before it was checked, or its data makes it fail: nothing to watch
    }
  }

  private static Composite compile(String text, String field) {
    try {
      return Composite.compile(text);
    } catch (CompositeSyntaxException | CompositeEvaluationException e) {
      throw ApiError.params(field, e.getMessage());
    }
  }

  private List<Series> evaluate(Composite composite, QueryWindow window) {
    return evaluate(composite, window.start(), window.end(), window.resolution());
  }

  /** The composite over the stored data in {@code [start, end]}. */
  private List<Series> evaluate(Composite composite, long start, long end, long resolution) {
    // The end is inclusive here, the evaluator's exclusive.
    return composite.evaluate(new StoreSource(state.store()), new TimeRange(start, end + 1, resolution));
  }

  /** The literal metric names of every {@code series()} call, to refuse composites that reference composites. */
  private static List<String> selectedMetrics(Expression e) {
    List<String> names = new ArrayList<>();
    if (e instanceof Expression.Call call) {
      if ((call.name().equals("s") || call.name().equals("series"))
          && call.arguments().get(0) instanceof Expression.Text metric && !metric.value().contains("*")) {
        names.add(metric.value());
      }
      call.arguments().forEach(a -> names.addAll(selectedMetrics(a)));
    } else if (e instanceof Expression.SetOf set) {
      set.elements().forEach(a -> names.addAll(selectedMetrics(a)));
    }
    return names;
  }

  private static List<Map<String, Object>> series(List<Series> result) {
    List<Map<String, Object>> out = new ArrayList<>(result.size());
    for (Series s : result) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("tags", s.tags());
      List<Map<String, Object>> points = new ArrayList<>(s.points().size());
      for (Point p : s.points()) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("time", p.time());
        point.put("value", p.value());
        points.add(point);
      }
      json.put("measurements", points);
      s.metric().ifPresent(m -> json.put("metric", metric(m)));
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("metric", s.query().metric());
      query.put("tags", s.query().tags());
      json.put("query", query);
      json.put("period", s.period());
      out.add(json);
    }
    return out;
  }

  private static Map<String, Object> metric(MetricInfo m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", m.name());
    json.put("type", m.type());
    json.put("attributes", m.attributes());
    json.put("period", m.period().isPresent() ? m.period().getAsLong() : null);
    return json;
  }
}
