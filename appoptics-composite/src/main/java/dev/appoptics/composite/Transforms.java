package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Functions that transform every series of a set on its own, keeping its tags, metric and query. */
final class Transforms {
  static final Set<String> WINDOW_FUNCTIONS = Set.of("mean", "sum", "min", "max", "median");
  static final int MAX_WINDOW = 64;

  private Transforms() {}

  /** Applies {@code f} to the points of each series of {@code input}. */
  static Node each(Node input, Function<Series, List<Point>> f) {
    return context -> {
      List<Series> out = new ArrayList<>();
      for (Series s : input.eval(context)) {
        out.add(s.withPoints(f.apply(s)));
      }
      return out;
    };
  }

  private static Node mapValues(Node input, java.util.function.DoubleUnaryOperator op) {
    return each(input, s -> s.points().stream().map(p -> new Point(p.time(), op.applyAsDouble(p.value()))).toList());
  }

  static Node scale(Args args) {
    double factor = args.number("factor", true);
    return mapValues(args.set(0), v -> v * factor);
  }

  static Node abs(Args args) {
    return mapValues(args.set(0), Math::abs);
  }

  /** Per-second change between consecutive points; with {@code detect_reset} a drop (counter reset) gives no point. */
  static Node derive(Args args) {
    boolean detectReset = args.bool("detect_reset", false);
    return each(args.set(0), s -> {
      List<Point> out = new ArrayList<>();
      List<Point> in = s.points();
      for (int i = 1; i < in.size(); i++) {
        Point prev = in.get(i - 1);
        Point cur = in.get(i);
        if (detectReset && cur.value() < prev.value()) {
          continue;
        }
        out.add(new Point(cur.time(), (cur.value() - prev.value()) / (cur.time() - prev.time())));
      }
      return out;
    });
  }

  /** Each value divided by the series' period: a per-interval count becomes a per-second rate. */
  static Node rate(Args args) {
    return each(args.set(0), s -> s.points().stream()
        .map(p -> new Point(p.time(), p.value() / s.period())).toList());
  }

  static Node integrate(Args args) {
    return each(args.set(0), s -> {
      List<Point> out = new ArrayList<>();
      double total = 0;
      for (Point p : s.points()) {
        total += p.value();
        out.add(new Point(p.time(), total));
      }
      return out;
    });
  }

  /** Trailing window over the last {@code size} points; the first {@code size - 1} points have no full window. */
  static Node window(Args args, boolean withFunction) {
    int size = (int) args.integer("size", 1, 1, MAX_WINDOW);
    String function = withFunction ? args.choice("function", "mean", WINDOW_FUNCTIONS) : "mean";
    return each(args.set(0), s -> {
      List<Point> in = s.points();
      List<Point> out = new ArrayList<>();
      for (int i = size - 1; i < in.size(); i++) {
        double[] values = new double[size];
        for (int j = 0; j < size; j++) {
          values[j] = in.get(i - size + 1 + j).value();
        }
        out.add(new Point(in.get(i).time(), summarize(function, values)));
      }
      return out;
    });
  }

  static double summarize(String function, double[] values) {
    return switch (function) {
      case "sum" -> Arrays.stream(values).sum();
      case "min" -> Arrays.stream(values).min().orElse(Double.NaN);
      case "max" -> Arrays.stream(values).max().orElse(Double.NaN);
      case "median" -> {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        yield sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      }
      default -> Arrays.stream(values).average().orElse(Double.NaN);
    };
  }
}
