package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the measurement store back as it was: loads the last checkpoint, replays the log from the checkpoint's
 * position (leaving out, per series, the samples the checkpoint holds), forgets the series of metrics no longer in
 * the registry, applies the retention, and opens the log for appending in a new segment.
 */
final class Recovery implements LogRecords.Reader {
  private final MemoryMeasurementStore memory;
  private final Map<Long, SeriesState> byId = new HashMap<>();
  private final Map<Series, SeriesState> states = new IdentityHashMap<>();
  private final List<Long> forgotten = new ArrayList<>();
  private final ParsedMeasurement scratch = new ParsedMeasurement();
  private long replayed;
  private long unknown;

  private Recovery(MemoryMeasurementStore memory) {
    this.memory = memory;
  }

  /**
   * What recovery found.
   *
   * @param buckets buckets restored from the checkpoint
   * @param records log records read
   * @param replayed measurements applied from the log
   * @param unknown measurements left out because the log never named their series (a damaged segment)
   * @param damages what was dropped from damaged log segments
   */
  record Report(int series, long buckets, long records, long replayed, long unknown, long skipped,
      List<LogReader.Damage> damages) {
    long droppedBytes() {
      return damages.stream().mapToLong(LogReader.Damage::bytes).sum();
    }
  }

  /** Recovers into {@code store}; returns what it found. */
  static Report recover(DurableMeasurementStore store, Checkpoints checkpoints, Path logDirectory,
      long segmentBytes, SyncFigures figures) throws SQLException, IOException {
    Recovery r = new Recovery(store.memory());
    Checkpoints.Loaded loaded = checkpoints.load(r.memory);
    loaded.series().forEach((id, state) -> {
      r.byId.put(id, state);
      r.states.put(state.series, state);
    });
    LogReader.Result read = LogReader.read(logDirectory, loaded.replayFrom(),
        (position, bytes, from, to) -> LogRecords.read(position, bytes, from, to, r));
    r.memory.recount();
    for (Series s : r.memory.allSeries()) {
      if (r.memory.registry().get(s.metric()).isEmpty()) {
        r.memory.detachMetric(s.metric()).forEach(r::forget);
      }
    }
    long after = Math.max(read.lastSegment(), Math.max(WriteAheadLog.segmentOf(loaded.replayFrom()),
        WriteAheadLog.segmentOf(loaded.logEnd())));
    WriteAheadLog log = WriteAheadLog.open(logDirectory, after, segmentBytes, figures);
    log.deleteBefore(WriteAheadLog.segmentOf(loaded.replayFrom()));
    store.recovered(r.states, r.forgotten, log);
    store.expire();
    return new Report(loaded.series().size(), loaded.buckets(), read.records(), r.replayed, r.unknown,
        read.skipped(), read.damages());
  }

  @Override
  public void series(long id, String metric, Map<String, String> tags) {
    if (!byId.containsKey(id)) {
      Series s = memory.restoreSeries(id, metric, tags);
      SeriesState state = states.computeIfAbsent(s, SeriesState::new);
      byId.put(id, state);
    }
  }

  @Override
  public void measurement(long position, long seriesId, long time, long count, double sum, double min, double max,
      double last, double sumSquares) {
    SeriesState state = byId.get(seriesId);
    if (state == null || state.series.isRemoved()) {
      unknown++;
      return;
    }
    if (!state.replays(position)) {
      return;
    }
    scratch.series = state.series;
    scratch.time = time;
    scratch.count = count;
    scratch.sum = sum;
    scratch.min = min;
    scratch.max = max;
    scratch.last = last;
    scratch.squares = sumSquares;
    memory.apply(scratch, "");
    state.applied(position, time);
    replayed++;
  }

  @Override
  public void deleteMetric(String name) {
    memory.detachMetric(name).forEach(this::forget);
  }

  @Override
  public void clear() {
    memory.allSeries().forEach(this::forget);
    memory.clear();
  }

  private void forget(Series s) {
    if (states.remove(s) != null) {
      forgotten.add(s.id());
    }
  }
}
