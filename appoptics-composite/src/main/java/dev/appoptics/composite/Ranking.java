package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code filter}, {@code top} and {@code bottom}: keep whole series according to one summary of their points
 * ({@code mean} by default, or {@code min}, {@code max}, {@code sum}). Series without points have no summary and
 * are dropped.
 */
final class Ranking {
  static final Set<String> FUNCTIONS = Set.of("mean", "min", "max", "sum");

  private Ranking() {}

  static Node filter(Args args) {
    String function = args.choice("function", "mean", FUNCTIONS);
    double gt = args.has("gt") ? args.number("gt", false) : Double.NaN;
    double gte = args.has("gte") ? args.number("gte", false) : Double.NaN;
    double lt = args.has("lt") ? args.number("lt", false) : Double.NaN;
    double lte = args.has("lte") ? args.number("lte", false) : Double.NaN;
    if (!args.has("gt") && !args.has("gte") && !args.has("lt") && !args.has("lte")) {
      throw args.error("argument 2", args.call.arguments().get(1).position(),
          "needs at least one of the bounds gt, gte, lt, lte");
    }
    Node input = args.set(0);
    return context -> {
      List<Series> out = new ArrayList<>();
      for (Series s : input.eval(context)) {
        if (s.points().isEmpty()) {
          continue;
        }
        double v = summary(s, function);
        boolean keep = (Double.isNaN(gt) || v > gt) && (Double.isNaN(gte) || v >= gte)
            && (Double.isNaN(lt) || v < lt) && (Double.isNaN(lte) || v <= lte);
        if (keep) {
          out.add(s);
        }
      }
      return out;
    };
  }

  static Node rank(Args args, boolean top) {
    String function = args.choice("function", "mean", FUNCTIONS);
    long count = args.integer("count", -1, 1, Integer.MAX_VALUE);
    if (count < 0) {
      throw args.error("option 'count'", args.call.position(), "is required");
    }
    Node input = args.set(0);
    return context -> {
      List<Series> ranked = new ArrayList<>(input.eval(context).stream().filter(s -> !s.points().isEmpty()).toList());
      Comparator<Series> order = Comparator.comparingDouble(s -> summary(s, function));
      ranked.sort(top ? order.reversed() : order);
      return List.copyOf(ranked.subList(0, (int) Math.min(count, ranked.size())));
    };
  }

  static double summary(Series s, String function) {
    return Transforms.summarize(function, s.points().stream().mapToDouble(Point::value).toArray());
  }
}
