package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code series(metric, tags, {function, period})} and its alias {@code s(...)}: reads streams from the source. */
final class Selection {
  static final Set<String> SUMMARY_FUNCTIONS = Set.of("min", "max", "mean", "sum", "count");
  static final long MAX_PERIOD = 604_800;

  private Selection() {}

  @SuppressWarnings("unchecked")
  static Node series(Args args) {
    String metric = args.string(0);
    if (metric.isEmpty()) {
      throw args.error("argument 1", args.call.arguments().get(0).position(), "must name a metric, got \"\"");
    }
    Map<String, String> tags = args.raw(1) == null ? Map.of() : (Map<String, String>) args.raw(1);
    String function = args.choice("function", "mean", SUMMARY_FUNCTIONS);
    long period = args.integer("period", 0, 1, MAX_PERIOD);
    return context -> {
      Map<String, String> patterns = new HashMap<>(tags);
      for (Map.Entry<String, String> pin : context.pinned.entrySet()) {
        String own = patterns.get(pin.getKey());
        if (own != null && !new SeriesRequest("*", Map.of(pin.getKey(), own), function, 1, 0, 0)
            .matchesTags(Map.of(pin.getKey(), pin.getValue()))) {
          return List.of();
        }
        patterns.put(pin.getKey(), pin.getValue());
      }
      long step = period > 0 ? period : context.range.resolution();
      SeriesRequest request = new SeriesRequest(metric, patterns, function, step, context.range.start(),
          context.range.end());
      List<Series> found = new ArrayList<>();
      for (Series s : context.source.select(request)) {
        String name = s.metric().map(MetricInfo::name).orElse(metric);
        found.add(new Series(s.tags(), s.points(), s.metric(), new SeriesQuery(name, tags), step));
      }
      found.sort(Series.API_ORDER);
      if (context.collector != null) {
        context.collector.addAll(found);
      }
      return found;
    };
  }
}
