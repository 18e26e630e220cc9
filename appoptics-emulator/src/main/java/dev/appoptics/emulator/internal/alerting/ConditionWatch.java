package dev.appoptics.emulator.internal.alerting;

import dev.appoptics.emulator.internal.measure.CompositeQueries;
import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.Point;
import dev.appoptics.emulator.internal.store.Series;
import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Evaluates one condition of one alert, evaluation after evaluation, keeping a {@link SignalState} per signal.
 *
 * <ul>
 *   <li>above / below: a point violates when its value is strictly past the threshold. A signal breaks the condition
 *       when a run of violating points (no fine point in between) spans at least {@code duration} seconds; without a
 *       duration one violating point is a run. It keeps breaking it until a fine point arrives: a signal that goes
 *       silent stays as it was.
 *   <li>absent: a signal breaks the condition when its newest point is at least {@code duration} seconds old.
 * </ul>
 *
 * Only points at or after {@code trackingStart} count, and a signal whose newest point is older than {@link #STALE}
 * is forgotten. A run broken again before {@code judgedUntil} was judged before a restart and does not count again.
 */
final class ConditionWatch {
  /** Ten days: a signal silent for longer no longer holds anything. */
  static final long STALE = 10 * 86_400;

  private ConditionRule condition;
  private final Map<Object, SignalState> states = new HashMap<>();
  private long evaluations;

  ConditionWatch(ConditionRule condition) {
    this.condition = condition;
  }

  ConditionRule condition() {
    return condition;
  }

  /** Takes the same condition under a new id, keeping what was seen. */
  void renew(ConditionRule same) {
    condition = same;
  }

  /** Forgets every signal: the next evaluation starts again from the tracking start. */
  void reset() {
    states.clear();
  }

  /**
   * The signals breaking the condition now, given the series of its metric (read once per evaluation for every
   * condition on that metric) and the bucket width used for grouped conditions. A run that reached its duration at
   * or before {@code judgedUntil} and was broken again since counts no more (see {@link AlertState#judgedUntil}).
   */
  List<Violation> check(
      List<Series> series, long trackingStart, long judgedUntil, int groupResolution, SeriesReads reads) {
    return check(signals(series, groupResolution), trackingStart, judgedUntil, reads);
  }

  /**
   * As {@link #check(List, long, long, int, SeriesReads)} for a composite metric, given its output streams computed
   * for this evaluation at {@code resolution} (every bucket over). A stream the composite no longer gives is still
   * watched (with no new points) until it is {@link #STALE}, so that {@code absent} sees it go silent.
   */
  List<Violation> checkComputed(
      List<CompositeQueries.Stream> streams, long trackingStart, long judgedUntil, int resolution, SeriesReads reads) {
    Map<String, List<Aggregate>> byKey = new LinkedHashMap<>();
    for (CompositeQueries.Stream stream : streams) {
      if (!condition.matches(stream.tags())) {
        continue;
      }
      String key = condition.grouped() ? condition.groupKey(stream.tags()) : Signal.tagsKey(stream.tags());
      List<Aggregate> points = byKey.computeIfAbsent(key, k -> new ArrayList<>());
      for (Point p : stream.points()) {
        points.add(Signal.sample(p.time(), p.value()));
      }
    }
    List<Signal> signals = new ArrayList<>();
    byKey.forEach((key, points) -> signals.add(Signal.computed(key, condition.metricName(), points, resolution)));
    for (Map.Entry<Object, SignalState> e : states.entrySet()) {
      long last = e.getValue().lastTime;
      if (!byKey.containsKey(e.getKey()) && last != SignalState.NONE && reads.to() - last <= STALE) {
        signals.add(Signal.computed((String) e.getKey(), condition.metricName(), List.of(), resolution));
      }
    }
    return check(signals, trackingStart, judgedUntil, reads);
  }

  private List<Violation> check(List<Signal> signals, long trackingStart, long judgedUntil, SeriesReads reads) {
    List<Violation> out = new ArrayList<>();
    long evaluation = ++evaluations;
    int seen = 0;
    for (Signal signal : signals) {
      SignalState state = states.computeIfAbsent(signal.identity(), k -> new SignalState());
      state.seenIn = evaluation;
      seen++;
      Violation v = condition.type() == ConditionRule.Type.ABSENT
          ? absent(signal, state, trackingStart, reads)
          : threshold(signal, state, trackingStart, judgedUntil, reads);
      if (v != null) {
        out.add(v);
      }
    }
    if (states.size() > seen) {
      // A series deleted, or one that no longer matches: forget it.
      states.values().removeIf(s -> s.seenIn != evaluation);
    }
    return out;
  }

  private List<Signal> signals(List<Series> series, int groupResolution) {
    List<Signal> out = new ArrayList<>();
    if (!condition.grouped()) {
      for (Series s : series) {
        if (condition.matches(s.tags())) {
          out.add(Signal.stream(s));
        }
      }
      return out;
    }
    Map<String, List<Series>> groups = new LinkedHashMap<>();
    for (Series s : series) {
      if (condition.matches(s.tags())) {
        groups.computeIfAbsent(condition.groupKey(s.tags()), k -> new ArrayList<>()).add(s);
      }
    }
    // An absent group is silent when none of its streams reports: its newest point is the newest of theirs.
    int resolution = condition.type() == ConditionRule.Type.ABSENT ? 1 : groupResolution;
    groups.forEach((key, members) -> out.add(Signal.group(key, condition.metricName(), members, resolution)));
    return out;
  }

  private Violation threshold(
      Signal signal, SignalState state, long trackingStart, long judgedUntil, SeriesReads reads) {
    long duration = condition.duration();
    // A run may reach the duration and be broken again between two evaluations: it still counts, once.
    long completedAt = SignalState.NONE;
    double completedValue = Double.NaN;
    for (Aggregate point : newPoints(signal, state, trackingStart, reads)) {
      double value = value(point, state);
      state.lastTime = point.time();
      state.lastValue = value;
      if (Double.isNaN(value)) {
        continue;
      }
      if (!condition.violates(value)) {
        state.runStart = SignalState.NONE;
        continue;
      }
      if (state.runStart == SignalState.NONE) {
        state.runStart = point.time();
      }
      if (point.time() - state.runStart >= duration && point.time() > judgedUntil) {
        completedAt = point.time();
        completedValue = value;
      }
    }
    boolean stillBreaking = state.runStart != SignalState.NONE
        && state.lastTime - state.runStart >= duration
        && reads.to() - state.lastTime <= STALE;
    if (stillBreaking) {
      return violation(signal, state.lastValue, state.lastTime);
    }
    return completedAt == SignalState.NONE ? null : violation(signal, completedValue, completedAt);
  }

  private Violation absent(Signal signal, SignalState state, long trackingStart, SeriesReads reads) {
    List<Aggregate> points = newPoints(signal, state, trackingStart, reads);
    if (!points.isEmpty()) {
      state.lastTime = points.get(points.size() - 1).time();
    }
    if (state.lastTime == SignalState.NONE) {
      return null;
    }
    long silent = reads.to() - state.lastTime;
    if (silent < condition.duration() || silent > STALE) {
      return null;
    }
    return new Violation(signal.key(), signal.metric(), Double.NaN, state.lastTime, condition.id(), 0,
        state.lastTime, reads.to());
  }

  /**
   * The points since the last one taken in. The first time, only the newest hour with data (and the duration before
   * it) is read, so a long history costs one coarse read rather than every point.
   */
  private List<Aggregate> newPoints(Signal signal, SignalState state, long trackingStart, SeriesReads reads) {
    int resolution = signal.resolution();
    long from;
    if (state.lastTime != SignalState.NONE) {
      from = state.lastTime + resolution;
    } else {
      long start = Math.max(trackingStart, reads.to() - STALE);
      OptionalLong lastHour = signal.lastHour(start, reads.to());
      if (lastHour.isEmpty()) {
        return List.of();
      }
      from = Math.max(start, lastHour.getAsLong() - condition.duration() - resolution);
    }
    // A group's bucket that began before the tracking start would mix in older points: start at the next one.
    from = Math.floorDiv(from + resolution - 1, resolution) * resolution;
    return from > reads.to() ? List.of() : signal.read(from, reads);
  }

  /** The point's value for the condition; for derivative, the change since the previous point (NaN for the first). */
  private double value(Aggregate point, SignalState state) {
    if (condition.summary() != SummaryFunction.DERIVATIVE) {
      return point.value(condition.summary());
    }
    double mean = point.value(SummaryFunction.MEAN);
    double change = mean - state.previousMean;
    state.previousMean = mean;
    if (Double.isNaN(change)) {
      return Double.NaN;
    }
    return change < 0 && condition.detectReset() ? 0 : change;
  }

  private Violation violation(Signal signal, double value, long time) {
    long duration = condition.duration();
    long count = duration == 0 ? 1 : signal.count(time - duration, time);
    return new Violation(signal.key(), signal.metric(), value, time, condition.id(), count, time - duration, time);
  }
}
