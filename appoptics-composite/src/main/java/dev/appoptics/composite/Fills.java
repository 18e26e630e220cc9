package dev.appoptics.composite;

import java.util.TreeMap;

/**
 * {@code fill}, {@code zero_fill} and {@code last_fill}: every bucket of the series' period inside the evaluated
 * window that has no point gets one. A constant fill covers the whole window; {@code "last"} repeats the latest
 * earlier value, so buckets before the first point stay empty.
 */
final class Fills {
  private Fills() {}

  static Node fill(Args args) {
    String value = args.required("value");
    if (value.equals("last")) {
      return filling(args.set(0), Double.NaN);
    }
    return filling(args.set(0), args.number("value", false));
  }

  static Node zeroFill(Args args) {
    return filling(args.set(0), 0);
  }

  static Node lastFill(Args args) {
    return filling(args.set(0), Double.NaN);
  }

  /** {@code constant} NaN means "repeat the last value". */
  private static Node filling(Node input, double constant) {
    return context -> Transforms.each(input, s -> {
      TreeMap<Long, Double> values = new TreeMap<>();
      s.points().forEach(p -> values.put(p.time(), p.value()));
      long step = s.period();
      long first = Math.floorDiv(context.range.start(), step) * step;
      Double last = null;
      for (long t = first; t < context.range.end(); t += step) {
        Double own = values.get(t);
        if (own != null) {
          last = own;
        } else if (!Double.isNaN(constant)) {
          values.put(t, constant);
        } else if (last != null) {
          values.put(t, last);
        }
      }
      return SeriesMath.points(values);
    }).eval(context);
  }
}
