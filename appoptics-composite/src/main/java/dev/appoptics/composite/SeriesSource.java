package dev.appoptics.composite;

import java.util.List;

/**
 * Where {@code series()} reads data from. Implementations return one {@link Series} per matching stream, with the
 * stream's tags, its metric, points bucketed and summarised as the request says (bucket times strictly increasing),
 * a {@link SeriesQuery} of {@code (metric name, requested tag patterns)} and {@code period = request.step()}.
 * Streams without points in the window may be returned with no points or left out. Composite metrics themselves
 * must not be selected: a composite cannot reference another composite.
 */
@FunctionalInterface
public interface SeriesSource {

  /** The streams matching {@code request}, in any order. */
  List<Series> select(SeriesRequest request);
}
