package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.Series;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation's reads of 1-second points up to the evaluation time, shared by every condition that watches the
 * same series: the first condition reads, the others take the part they need from that read.
 */
final class SeriesReads {
  private final long to;
  private final Map<Series, Read> done = new IdentityHashMap<>();

  private record Read(long from, List<Aggregate> points) {}

  SeriesReads(long to) {
    this.to = to;
  }

  long to() {
    return to;
  }

  /** The 1-second points of {@code series} with time in {@code [from, to]}, oldest first. */
  List<Aggregate> read(Series series, long from) {
    Read read = done.get(series);
    if (read != null && read.from <= from) {
      return tail(read.points, from);
    }
    List<Aggregate> points = series.aggregates(from, to, 1);
    done.put(series, new Read(from, points));
    return points;
  }

  private static List<Aggregate> tail(List<Aggregate> points, long from) {
    int low = 0;
    int high = points.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (points.get(mid).time() < from) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return points.subList(low, points.size());
  }
}
