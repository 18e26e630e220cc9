package dev.appoptics.composite;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The function table: each function's parameters, options and implementation. */
final class Functions {
  private Functions() {}

  enum Param { SET, STRING, TAGS, OPTIONS }

  record Spec(String name, List<Param> params, int required, Set<String> options, Function<Args, Node> builder) {
    String usage() {
      return params.stream().map(p -> switch (p) {
        case SET -> "set";
        case STRING -> "\"string\"";
        case TAGS -> "tags";
        case OPTIONS -> "{options}";
      }).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  static final Map<String, Spec> ALL;

  static {
    Map<String, Spec> all = new TreeMap<>();
    Param set = Param.SET;
    Param opts = Param.OPTIONS;
    add(all, "series", List.of(Param.STRING, Param.TAGS, opts), 1, Selection::series, "function", "period");
    add(all, "s", List.of(Param.STRING, Param.TAGS, opts), 1, Selection::series, "function", "period");
    for (String name : List.of("sum", "mean", "min", "max", "count")) {
      add(all, name, List.of(set), 1, a -> Aggregations.aggregate(a, name));
    }
    add(all, "add", List.of(set), 1, a -> Aggregations.strict(a, "add"));
    add(all, "multiply", List.of(set), 1, a -> Aggregations.strict(a, "multiply"));
    add(all, "subtract", List.of(set), 1, a -> Aggregations.pair(a, "subtract"));
    add(all, "divide", List.of(set), 1, a -> Aggregations.pair(a, "divide"));
    add(all, "scale", List.of(set, opts), 2, Transforms::scale, "factor");
    add(all, "derive", List.of(set, opts), 1, Transforms::derive, "detect_reset");
    add(all, "rate", List.of(set), 1, Transforms::rate);
    add(all, "integrate", List.of(set), 1, Transforms::integrate);
    add(all, "abs", List.of(set), 1, Transforms::abs);
    add(all, "window", List.of(set, opts), 1, a -> Transforms.window(a, true), "size", "function");
    add(all, "moving_average", List.of(set, opts), 1, a -> Transforms.window(a, false), "size");
    add(all, "fill", List.of(set, opts), 2, Fills::fill, "value");
    add(all, "zero_fill", List.of(set), 1, Fills::zeroFill);
    add(all, "last_fill", List.of(set), 1, Fills::lastFill);
    add(all, "filter", List.of(set, opts), 2, Ranking::filter, "gt", "gte", "lt", "lte", "function");
    add(all, "top", List.of(set, opts), 2, a -> Ranking.rank(a, true), "count", "function");
    add(all, "bottom", List.of(set, opts), 2, a -> Ranking.rank(a, false), "count", "function");
    add(all, "timeshift", List.of(Param.STRING, set), 2, Grouping::timeshift);
    add(all, "group_by", List.of(Param.STRING, set), 2, Grouping::groupBy);
    add(all, "groupby", List.of(Param.STRING, set), 2, Grouping::groupBy);
    ALL = Collections.unmodifiableMap(all);
  }

  private static void add(Map<String, Spec> all, String name, List<Param> params, int required,
      Function<Args, Node> builder, String... options) {
    all.put(name, new Spec(name, params, required, new LinkedHashSet<>(Arrays.asList(options)), builder));
  }
}
