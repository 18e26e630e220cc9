package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.SyncPolicy;
import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable measurement store: queries are served by the {@link MemoryMeasurementStore} it wraps, and every change
 * is appended to the {@link WriteAheadLog} before it is applied there and answered; {@link #checkpoint()} saves the
 * changed series to {@link Checkpoints}, after which the log before it is deleted.
 *
 * <p>Writes take turns under one lock from the log append to the last bucket applied (parsing, validation and the
 * limit checks happen before, in parallel), so the log's order is the order the buckets saw. A checkpoint does not
 * stop writers: it copies each series under the series' own lock together with the position of the last batch
 * applied to it (and how many of that batch's samples), and replay after a restart leaves out, per series, what the
 * checkpoint already holds.
 *
 * <p>A snapshot ({@link #cut}) copies the last checkpoint and links the log after it up to a cut, then holds every
 * writer at the start of its turn until it is released, so that nothing is answered as stored that the snapshot
 * does not hold before the snapshot itself is answered.
 */
final class DurableMeasurementStore implements MeasurementStore {
  private final MemoryMeasurementStore memory;
  private final SyncPolicy policy;
  private final Checkpoints checkpoints;
  private final Object writeLock = new Object();
  private final Object checkpointLock = new Object();
  // Guarded by writeLock:
  private WriteAheadLog log;
  private final ByteWriter records = new ByteWriter(64 * 1024);
  private final ByteWriter batchRecord = new ByteWriter(64 * 1024);
  private final Map<Series, SeriesState> states = new IdentityHashMap<>();
  private final List<Long> gone = new ArrayList<>();
  private final long[] expiredBefore = new long[Series.TIERS];
  private long checkpointedBytes;
  private final WriteHold hold = new WriteHold(writeLock);
  // Guarded by checkpointLock:
  private long lastReplayFrom;

  DurableMeasurementStore(MemoryMeasurementStore memory, SyncPolicy policy, Checkpoints checkpoints) {
    this.memory = memory;
    this.policy = policy;
    this.checkpoints = checkpoints;
    Arrays.fill(expiredBefore, Long.MIN_VALUE);
  }

  /** Takes over the series {@link Recovery} restored and the log it opened. */
  void recovered(Map<Series, SeriesState> restored, List<Long> forgotten, WriteAheadLog openLog) {
    synchronized (writeLock) {
      states.putAll(restored);
      gone.addAll(forgotten);
      log = openLog;
    }
  }

  MemoryMeasurementStore memory() {
    return memory;
  }

  @Override
  public MetricRegistry registry() {
    return memory.registry();
  }

  @Override
  public List<Series> series(String metricName) {
    return memory.series(metricName);
  }

  @Override
  public List<Series> find(String pattern) {
    return memory.find(pattern);
  }

  @Override
  public int seriesCount() {
    return memory.seriesCount();
  }

  @Override
  public long pointCount() {
    return memory.pointCount();
  }

  @Override
  public long acceptedCount() {
    return memory.acceptedCount();
  }

  @Override
  public long resolutionFor(long start, long resolution) {
    return memory.resolutionFor(start, resolution);
  }

  @Override
  public long write(List<ParsedMeasurement> batch, String userAgent, long requestTime) {
    MemoryMeasurementStore.Prepared prepared = memory.prepare(batch, userAgent, requestTime);
    try {
      return writePrepared(batch, userAgent);
    } finally {
      prepared.close();
    }
  }

  private long writePrepared(List<ParsedMeasurement> batch, String userAgent) {
    long written = 0;
    long end;
    synchronized (writeLock) {
      hold.await();
      for (ParsedMeasurement m : batch) {
        if (m.count != 0) {
          if (m.series.isRemoved()) { // its metric was deleted, or its data expired, since prepare
            m.series = memory.resolve(m, userAgent);
          }
          written++;
        }
      }
      if (written == 0) {
        return 0;
      }
      batchRecord.reset();
      LogRecords.batch(batchRecord, batch);
      records.reset();
      nameNewSeries(batch);
      if (!log.fits(records.size() + batchRecord.size())) {
        roll();
        records.reset();
        nameNewSeries(batch);
      }
      int names = records.size();
      records.putBytes(batchRecord.array(), batchRecord.size());
      long position = append() + names;
      for (ParsedMeasurement m : batch) {
        if (m.count != 0) {
          SeriesState state = states.get(m.series);
          synchronized (m.series) {
            memory.apply(m, userAgent);
            state.applied(position, m.time);
          }
        }
      }
      end = log.end();
    }
    memory.countAccepted(written);
    syncPerPolicy(end);
    return written;
  }

  /** Writes a name record for each series of the batch the current segment has not named yet. */
  private void nameNewSeries(List<ParsedMeasurement> batch) {
    long segment = log.currentSegment();
    for (ParsedMeasurement m : batch) {
      if (m.count == 0) {
        continue;
      }
      SeriesState state = states.computeIfAbsent(m.series, SeriesState::new);
      if (state.namedInSegment != segment) {
        LogRecords.series(records, m.series);
        state.namedInSegment = segment;
      }
    }
  }

  @Override
  public void removeMetric(String name) {
    long end;
    synchronized (writeLock) {
      hold.await();
      records.reset();
      LogRecords.deleteMetric(records, name);
      appendWhole();
      memory.detachMetric(name).forEach(this::forget);
      end = log.end();
    }
    syncPerPolicy(end);
  }

  @Override
  public void clear() {
    long end;
    synchronized (writeLock) {
      hold.await();
      records.reset();
      LogRecords.clear(records);
      appendWhole();
      memory.allSeries().forEach(this::forget);
      memory.clear();
      end = log.end();
    }
    syncPerPolicy(end);
  }

  /**
   * Drops what the retention keeps no longer from memory. On disk, the next checkpoint deletes the chunks wholly
   * expired; a chunk a cutoff runs through stays until it is (at most one per series and tier), and its expired
   * buckets are dropped again when loaded. Under the write lock: a series that a writer has just created is empty
   * until the writer applies to it.
   */
  MemoryMeasurementStore.Expiry expire() {
    synchronized (writeLock) {
      MemoryMeasurementStore.Expiry expiry = memory.expire();
      for (int i = 0; i < expiredBefore.length; i++) {
        expiredBefore[i] = Math.max(expiredBefore[i], expiry.cutoffs()[i]);
      }
      expiry.removed().forEach(this::forget);
      return expiry;
    }
  }

  /** Log bytes appended since the last checkpoint began. */
  long bytesSinceCheckpoint() {
    synchronized (writeLock) {
      return log.appendedBytes() - checkpointedBytes;
    }
  }

  /** Saves what changed since the last checkpoint, then deletes the log segments it made unnecessary. */
  Checkpoints.Saved checkpoint() throws SQLException, IOException {
    synchronized (checkpointLock) {
      List<SeriesState> all;
      List<Long> deleted;
      long[] expired;
      long replayFrom;
      long appended;
      synchronized (writeLock) {
        replayFrom = log.end();
        appended = log.appendedBytes();
        all = new ArrayList<>(states.values());
        deleted = new ArrayList<>(gone);
        gone.clear();
        expired = expiredBefore.clone();
      }
      Checkpoints.Saved saved;
      try {
        saved = checkpoints.save(all, deleted, expired, replayFrom, () -> {
          synchronized (writeLock) {
            return log.end();
          }
        });
      } catch (SQLException | RuntimeException e) {
        synchronized (writeLock) {
          gone.addAll(deleted);
        }
        throw e;
      }
      synchronized (writeLock) {
        checkpointedBytes = appended;
        log.deleteBefore(WriteAheadLog.segmentOf(replayFrom));
      }
      lastReplayFrom = replayFrom;
      return saved;
    }
  }

  /**
   * The measurements of a snapshot: saves a checkpoint and copies {@code measurements.db} to {@code checkpointCopy}
   * (writers go on meanwhile); then, at the cut, closes the log's current segment, holds writers (see {@link
   * #release}) and runs {@code atCut}; then links the log's segments from the checkpoint to the cut into {@code
   * logCopy}. On failure its own hold is released (what {@code atCut} held is the caller's).
   *
   * @param maxHold how long writers are held at most, should the release never come
   */
  void cut(Path checkpointCopy, Path logCopy, Runnable atCut, Duration maxHold) throws SQLException, IOException {
    synchronized (checkpointLock) { // no checkpoint changes measurements.db or deletes log segments meanwhile
      checkpoint();
      checkpoints.copyTo(checkpointCopy);
      long lastClosed;
      synchronized (writeLock) {
        hold.hold(maxHold);
        try {
          roll();
          lastClosed = log.currentSegment() - 1;
          atCut.run();
        } catch (RuntimeException e) {
          release();
          throw e;
        }
      }
      try {
        log.copyClosedSegments(WriteAheadLog.segmentOf(lastReplayFrom), lastClosed, logCopy);
      } catch (IOException | RuntimeException e) {
        release();
        throw e;
      }
    }
  }

  /** Lets the writers held by {@link #cut} go on. */
  void release() {
    hold.release();
  }

  /** Forces the log to disk. */
  void sync() throws IOException {
    WriteAheadLog l;
    synchronized (writeLock) {
      l = log;
    }
    l.sync();
  }

  /** Prepares the log's next segment ahead of the roll that needs it (outside the write lock). */
  void prepareSpareSegment() throws IOException {
    WriteAheadLog l;
    synchronized (writeLock) {
      l = log;
    }
    l.prepareSpare();
  }

  /** Syncs and closes the log; the store takes no more writes. */
  void closeLog() throws IOException {
    synchronized (writeLock) {
      log.close();
    }
  }

  private void forget(Series s) {
    if (states.remove(s) != null) {
      gone.add(s.id());
    }
  }

  private void syncPerPolicy(long end) {
    if (policy.syncsBeforeAnswer()) {
      try {
        log.awaitSynced(end);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot sync the measurement log: " + e.getMessage(), e);
      }
    }
  }

  /** Appends {@link #records} in the current segment, rolling first when they do not fit. */
  private void appendWhole() {
    if (!log.fits(records.size())) {
      roll();
    }
    append();
  }

  private long append() {
    try {
      return log.append(records.array(), records.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the measurement log: " + e.getMessage(), e);
    }
  }

  private void roll() {
    try {
      log.roll();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a new measurement log segment: " + e.getMessage(), e);
    }
  }
}
