package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.SyncPolicy;
import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ResourceStore;
import dev.appoptics.emulator.internal.store.Storage;
import dev.appoptics.emulator.internal.store.StoreFigures;
import dev.appoptics.emulator.internal.store.StoreSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Durable storage in a data directory: {@code resources.db} (SQLite) for the resources, {@code log/} (the
 * write-ahead log) and {@code measurements.db} (SQLite, the checkpoints) for the measurements, and a {@code lock}
 * file that keeps a second server off the same directory; {@code snapshots/} holds {@link DataSnapshots}. Opening
 * recovers (see {@link Recovery}); {@link #start}
 * runs the background work: syncing the log and the resources at the policy's interval, a checkpoint when
 * {@link Tuning#checkpointBytes()} of log accumulated or {@link Tuning#checkpointEvery()} passed, retention once a
 * minute, the log's next segment prepared ahead. {@link #close} stops it, saves a last checkpoint (so that the next start replays nothing) and syncs.
 */
public final class DurableStorage implements Storage {
  private static final System.Logger LOG = System.getLogger(DurableStorage.class.getName());

  /**
   * Sizes and periods of the background work.
   *
   * @param segmentBytes the size at which the log continues in a new segment
   * @param checkpointBytes the log written since the last checkpoint that calls for the next one
   * @param checkpointEvery the longest time between checkpoints while the log grows
   * @param retentionEvery the time between retention runs
   */
  public record Tuning(long segmentBytes, long checkpointBytes, Duration checkpointEvery, Duration retentionEvery) {
    public static Tuning defaults() {
      return new Tuning(64L << 20, 64L << 20, Duration.ofMinutes(5), Duration.ofMinutes(1));
    }
  }

  private final Path directory;
  private final SyncPolicy policy;
  private final Tuning tuning;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final SqliteResources resources;
  private final Checkpoints checkpoints;
  private final DurableMeasurementStore measurements;
  private final DataSnapshots snapshots;
  private final SyncFigures syncFigures = new SyncFigures();
  private final StorageFigures figures = new StorageFigures();
  private final Recovery.Report recovery;
  private ScheduledExecutorService syncer;
  private ScheduledExecutorService maintenance;
  private long lastCheckpointNanos = System.nanoTime();
  private boolean closed;

  private DurableStorage(EmulatorSettings settings, Tuning tuning) throws IOException, SQLException {
    this.directory = settings.dataDirectory().orElseThrow();
    this.policy = settings.syncPolicy();
    this.tuning = tuning;
    Files.createDirectories(directory.resolve("log"));
    this.lockFile = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.lock = tryLock(lockFile, directory);
    SqliteResources r = null;
    Checkpoints c = null;
    try {
      DataSnapshots.removeUnfinished(directory);
      r = new SqliteResources(directory.resolve("resources.db"), policy.syncsBeforeAnswer());
      c = new Checkpoints(directory.resolve("measurements.db"));
      MemoryMeasurementStore memory = new MemoryMeasurementStore(new MetricRegistry(settings.maxMetrics(), r),
          settings.maxSeries(), settings.maxPoints(), settings.retention().orElse(Retention.service()),
          settings.clock());
      this.measurements = new DurableMeasurementStore(memory, policy, c);
      long t0 = System.nanoTime();
      this.recovery = Recovery.recover(measurements, c, directory.resolve("log"), tuning.segmentBytes(), syncFigures);
      LOG.log(System.Logger.Level.INFO, "opened " + directory + " in " + (System.nanoTime() - t0) / 1_000_000
          + " ms: " + recovery.series() + " saved series with " + recovery.buckets() + " buckets, "
          + recovery.replayed() + " measurements replayed from " + recovery.records() + " log records"
          + (recovery.damages().isEmpty() ? "" : ", " + recovery.droppedBytes() + " damaged log bytes dropped"));
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(c, r);
      lock.release();
      lockFile.close();
      throw e;
    }
    this.resources = r;
    this.checkpoints = c;
    this.snapshots = new DataSnapshots(directory, measurements, r, settings.clock());
  }

  /** Opens (creating when new) the storage in {@code settings.dataDirectory()}, recovering what it holds. */
  public static DurableStorage open(EmulatorSettings settings, Tuning tuning) {
    try {
      return new DurableStorage(settings, tuning);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data directory " + settings.dataDirectory().orElseThrow()
          + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the data directory " + settings.dataDirectory().orElseThrow()
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public MeasurementStore measurements() {
    return measurements;
  }

  @Override
  public ResourceStore resources() {
    return resources;
  }

  @Override
  public Optional<StoreSnapshots> snapshots() {
    return Optional.of(snapshots);
  }

  /** What opening recovered. */
  Recovery.Report recovery() {
    return recovery;
  }

  @Override
  public synchronized void start() {
    if (syncer != null || closed) {
      return;
    }
    syncer = Executors.newSingleThreadScheduledExecutor(daemon("appoptics-store-sync"));
    if (!policy.syncsBeforeAnswer()) {
      long ms = policy.interval().toMillis();
      syncer.scheduleWithFixedDelay(this::syncQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    maintenance = Executors.newSingleThreadScheduledExecutor(daemon("appoptics-store-maintenance"));
    maintenance.scheduleWithFixedDelay(this::checkpointWhenDue, 1, 1, TimeUnit.SECONDS);
    maintenance.scheduleWithFixedDelay(this::prepareSpareQuietly, 0, 1, TimeUnit.SECONDS);
    long retentionMs = tuning.retentionEvery().toMillis();
    maintenance.scheduleWithFixedDelay(this::expireQuietly, retentionMs, retentionMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void sync() {
    try {
      measurements.sync();
      resources.sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + directory + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot sync " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Saves a checkpoint now. */
  public Checkpoints.Saved checkpoint() {
    try {
      long t0 = System.nanoTime();
      Checkpoints.Saved saved = measurements.checkpoint();
      figures.checkpointed(System.nanoTime() - t0, saved.bytes());
      lastCheckpointNanos = System.nanoTime();
      return saved;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save a checkpoint in " + directory + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save a checkpoint in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** How many times the log was forced to disk. */
  long syncCount() {
    return syncFigures.count();
  }

  /** Applies the retention now; returns the buckets it dropped. */
  public long expire() {
    long buckets = measurements.expire().buckets();
    figures.expired(buckets);
    return buckets;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    stop(syncer);
    stop(maintenance);
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "no checkpoint at close (the log keeps everything): " + e.getMessage());
    }
    try {
      measurements.closeLog();
      checkpoints.close();
      resources.close();
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot close " + directory + " cleanly: " + e.getMessage(), e);
    } finally {
      try {
        lock.release();
        lockFile.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot release the lock on " + directory + ": " + e.getMessage());
      }
    }
  }

  @Override
  public void writeTo(PrometheusText out) {
    StoreFigures.writeCounts(out, measurements);
    out.single("appoptics_store_disk_bytes", "gauge", "Bytes the data directory takes on disk.", diskBytes());
    out.family("appoptics_store_sync_seconds", "summary", "Time spent forcing the measurement log to disk.")
        .sample("appoptics_store_sync_seconds_count", syncFigures.count())
        .sample("appoptics_store_sync_seconds_sum", syncFigures.totalSeconds());
    out.single("appoptics_store_sync_seconds_max", "gauge", "The longest sync of the measurement log so far.",
        syncFigures.maxSeconds());
    figures.writeTo(out);
    out.single("appoptics_store_recovered_dropped_bytes", "gauge",
        "Damaged log bytes dropped when the store was opened.", recovery.droppedBytes());
    out.single("appoptics_store_snapshots", "gauge", "Snapshots kept in the data directory.",
        snapshots.count());
  }

  /**
   * Bytes the data directory's files take, snapshots included; a file with several names (a snapshot's log segment
   * linked to the log's own) counts once.
   */
  public long diskBytes() {
    Set<Object> seen = new HashSet<>();
    try (Stream<Path> files = Files.walk(directory)) {
      return files.mapToLong(p -> {
        try {
          BasicFileAttributes file = Files.readAttributes(p, BasicFileAttributes.class);
          boolean first = file.fileKey() == null || seen.add(file.fileKey());
          return file.isRegularFile() && first ? file.size() : 0;
        } catch (IOException e) {
          return 0; // deleted while counting
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private void prepareSpareQuietly() {
    try {
      measurements.prepareSpareSegment();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot prepare the next log segment (a roll creates it): "
          + e.getMessage());
    }
  }

  private void checkpointWhenDue() {
    boolean due = measurements.bytesSinceCheckpoint() >= tuning.checkpointBytes()
        || (System.nanoTime() - lastCheckpointNanos >= tuning.checkpointEvery().toNanos()
            && measurements.bytesSinceCheckpoint() > 0);
    if (due) {
      try {
        checkpoint();
      } catch (RuntimeException e) {
        figures.failed();
        LOG.log(System.Logger.Level.WARNING, "checkpoint failed (the log keeps everything; retrying): "
            + e.getMessage());
      }
    }
  }

  private void expireQuietly() {
    try {
      expire();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "retention run failed: " + e.getMessage());
    }
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sync failed: " + e.getMessage());
    }
  }

  private static void stop(ScheduledExecutorService executor) {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static FileLock tryLock(FileChannel file, Path directory) throws IOException {
    FileLock lock;
    try {
      lock = file.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      file.close();
      throw new IllegalStateException("the data directory " + directory + " is in use by another server");
    }
    return lock;
  }

  private static void closeQuietly(AutoCloseable... closeables) {
    for (AutoCloseable c : closeables) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.log(System.Logger.Level.WARNING, "while giving up on opening: " + e.getMessage());
        }
      }
    }
  }
}
