package dev.appoptics.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Functions that fold a set into one series, point by point. {@code sum}, {@code mean}, {@code min}, {@code max}
 * and {@code count} use whichever inputs have a point at a time; {@code add} and {@code multiply} only produce a
 * point where every input has one; {@code subtract} and {@code divide} need exactly two inputs (otherwise the
 * result is empty) and produce a point where both have one, except that division by zero produces no point.
 */
final class Aggregations {
  private Aggregations() {}

  static Node aggregate(Args args, String function) {
    Node input = args.set(0);
    return context -> {
      List<Series> in = input.eval(context);
      if (in.isEmpty()) {
        return List.of();
      }
      List<Point> out = new ArrayList<>();
      for (Map.Entry<Long, double[]> row : SeriesMath.align(in).entrySet()) {
        out.add(new Point(row.getKey(), fold(function, row.getValue())));
      }
      return List.of(SeriesMath.combine(in, out));
    };
  }

  private static double fold(String function, double[] values) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        n++;
      }
    }
    return switch (function) {
      case "sum" -> sum;
      case "mean" -> sum / n;
      case "min" -> min;
      case "max" -> max;
      default -> n;
    };
  }

  static Node strict(Args args, String function) {
    Node input = args.set(0);
    boolean product = function.equals("multiply");
    return context -> {
      List<Series> in = input.eval(context);
      if (in.isEmpty()) {
        return List.of();
      }
      List<Point> out = new ArrayList<>();
      rows:
      for (Map.Entry<Long, double[]> row : SeriesMath.align(in).entrySet()) {
        double acc = product ? 1 : 0;
        for (double v : row.getValue()) {
          if (Double.isNaN(v)) {
            continue rows;
          }
          acc = product ? acc * v : acc + v;
        }
        out.add(new Point(row.getKey(), acc));
      }
      return List.of(SeriesMath.combine(in, out));
    };
  }

  static Node pair(Args args, String function) {
    Node input = args.set(0);
    boolean divide = function.equals("divide");
    return context -> {
      List<Series> in = input.eval(context);
      if (in.size() != 2) {
        return List.of();
      }
      List<Point> out = new ArrayList<>();
      for (Map.Entry<Long, double[]> row : SeriesMath.align(in).entrySet()) {
        double a = row.getValue()[0];
        double b = row.getValue()[1];
        if (Double.isNaN(a) || Double.isNaN(b) || (divide && b == 0)) {
          continue;
        }
        out.add(new Point(row.getKey(), divide ? a / b : a - b));
      }
      return List.of(SeriesMath.combine(in, out));
    };
  }
}
