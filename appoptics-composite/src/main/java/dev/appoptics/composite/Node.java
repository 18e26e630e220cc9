package dev.appoptics.composite;

import java.util.List;

/** A compiled, validated piece of an expression that evaluates to a set of series. */
@FunctionalInterface
interface Node {
  List<Series> eval(Context context);
}
