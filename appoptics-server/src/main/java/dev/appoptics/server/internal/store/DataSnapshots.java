package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.store.StoreSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshots of a running data directory in its {@code snapshots/} directory, each laid out as a data directory:
 * {@code measurements.db} (a copy of a checkpoint saved for it), {@code log/} (the log's segments after that
 * checkpoint up to the cut, hard-linked), {@code resources.db} (a copy as of the cut). A snapshot is built under a
 * name starting with a dot and renamed into place once complete and on disk, so a failure or a crash never leaves a
 * half snapshot under a snapshot's name; what such a failure left is removed at once, what a crash left when the
 * directory is next opened. A name is the creation time to the millisecond in UTC ({@code 20261201T223215.042Z}),
 * made later than every name kept when the clock says otherwise, so names are unique and sort by age.
 *
 * <p>Writers go on while the checkpoint is saved and copied; they are held from the cut (which closes the log's
 * segment) until the snapshot's answer is sent: the segments are linked, {@code resources.db} copied and everything
 * forced to disk meanwhile, a few milliseconds for a small resource database.
 */
final class DataSnapshots implements StoreSnapshots {
  static final String DIRECTORY = "snapshots";
  /** How long writers are held at most, should the release of a snapshot never come. */
  private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);
  private static final System.Logger LOG = System.getLogger(DataSnapshots.class.getName());
  private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final DurableMeasurementStore measurements;
  private final SqliteResources resources;
  private final Clock clock;
  private final Object taking = new Object();

  DataSnapshots(Path dataDirectory, DurableMeasurementStore measurements, SqliteResources resources, Clock clock) {
    this.directory = dataDirectory.resolve(DIRECTORY);
    this.measurements = measurements;
    this.resources = resources;
    this.clock = clock;
  }

  /**
   * Removes what snapshots interrupted by a crash left in {@code dataDirectory}, and snapshot deletions a crash
   * interrupted.
   */
  static void removeUnfinished(Path dataDirectory) throws IOException {
    Path directory = dataDirectory.resolve(DIRECTORY);
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(".")).toList()) {
        LOG.log(System.Logger.Level.WARNING, "removing " + p + ", an unfinished snapshot (a crash interrupted it)");
        deleteTree(p);
      }
    }
  }

  @Override
  public Taken take() {
    synchronized (taking) {
      Instant now = nextTime();
      String name = TIME.format(now);
      Path partial = directory.resolve("." + name);
      try {
        Files.createDirectories(directory);
        Files.createDirectory(partial);
        Path log = Files.createDirectory(partial.resolve("log"));
        measurements.cut(partial.resolve("measurements.db"), log, () -> resources.hold(LONGEST_HOLD), LONGEST_HOLD);
        resources.copyTo(partial.resolve("resources.db"));
        WriteAheadLog.syncDirectory(log);
        WriteAheadLog.syncDirectory(partial);
        Path done = directory.resolve(name);
        Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        WriteAheadLog.syncDirectory(directory);
        return new Held(new Snapshot(name, now, done, bytes(done)));
      } catch (IOException | SQLException | RuntimeException e) {
        release();
        deleteQuietly(partial);
        throw new Failure("cannot take a snapshot in " + directory + ": " + describe(e) + "; nothing of it was kept",
            diskFull(e), e);
      }
    }
  }

  @Override
  public List<Snapshot> list() {
    return names().stream().map(name -> {
      Path p = directory.resolve(name);
      return new Snapshot(name, TIME.parse(name, Instant::from), p, bytes(p));
    }).toList();
  }

  /** How many snapshots are kept. */
  int count() {
    return names().size();
  }

  /** The names of the snapshots kept, oldest first. */
  private List<String> names() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
          .map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the snapshots in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Now to the millisecond, or a millisecond after the newest snapshot kept if that is not earlier. */
  private Instant nextTime() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<String> names = names();
    if (names.isEmpty()) {
      return now;
    }
    Instant newest = TIME.parse(names.get(names.size() - 1), Instant::from);
    return now.isAfter(newest) ? now : newest.plusMillis(1);
  }

  /** Renames the snapshot out of the list first, so a crash while deleting leaves no part of it listed. */
  @Override
  public boolean delete(String name) {
    Path snapshot = directory.resolve(name);
    if (!NAME.matcher(name).matches() || !Files.isDirectory(snapshot)) {
      return false;
    }
    Path deleting = directory.resolve("." + name + ".deleting");
    try {
      Files.move(snapshot, deleting, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(deleting);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the snapshot " + snapshot + ": " + e.getMessage(), e);
    }
  }

  private void release() {
    resources.release();
    measurements.release();
  }

  /** A snapshot just taken; releasing it lets the writers held at its cut go on. */
  private final class Held implements Taken {
    private final Snapshot snapshot;
    private final AtomicBoolean released = new AtomicBoolean();

    Held(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public Snapshot snapshot() {
      return snapshot;
    }

    @Override
    public void release() {
      if (released.compareAndSet(false, true)) {
        DataSnapshots.this.release();
      }
    }
  }

  private static long bytes(Path snapshot) {
    try (Stream<Path> files = Files.walk(snapshot)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The failure's own words, with the file it concerns when the file system named one. */
  private static String describe(Throwable e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() != null ? f.getReason()
          : f instanceof AccessDeniedException ? "permission denied"
          : f instanceof FileAlreadyExistsException ? "exists already, and is in the way"
          : f instanceof NoSuchFileException ? "does not exist"
          : f.getClass().getSimpleName();
      return f.getFile() + ": " + reason;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Whether the failure, or one that caused it, is the disk having no room (ENOSPC, SQLITE_FULL). */
  static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t instanceof FileSystemException f ? f.getReason() : t.getMessage());
      if (message.contains("No space left on device") || message.contains("database or disk is full")
          || t instanceof SQLException s && s.getErrorCode() == 13) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (diskFull(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void deleteQuietly(Path tree) {
    try {
      deleteTree(tree);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot remove " + tree + " (it is removed at the next start): "
          + e.getMessage());
    }
  }

  private static void deleteTree(Path tree) throws IOException {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
