package dev.appoptics.metrics.internal.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of measurement batches that could not be delivered, one file per batch, kept until they are re-sent.
 *
 * <p>Each batch is written to a temporary file and moved into place atomically, so a crash leaves either a whole
 * batch or none (left-over temporary files are deleted on open). File names carry a sequence number that keeps
 * growing across restarts and the batch's measurement count: {@code 00000000000000000042-300.batch}. Batches are
 * replayed oldest first. The directory is bounded by {@code maxBytes}: to store a new batch, the oldest ones are
 * evicted and counted as dropped (recent data is worth more, and old data may be beyond the API's accepted past).
 *
 * <p>Thread-safe within one process; one directory must not be shared by two live spools.
 */
public final class Spool {
  private static final Pattern NAME = Pattern.compile("(\\d{20})-(\\d+)\\.batch");
  private static final String TMP_PREFIX = ".tmp-";

  /** One stored batch. */
  public record Entry(Path file, long sequence, int measurements, long bytes) {}

  private final Path dir;
  private final long maxBytes;
  private final AtomicLong droppedBatches = new AtomicLong();
  private final AtomicLong droppedMeasurements = new AtomicLong();
  private long nextSequence;
  private long totalBytes;

  private Spool(Path dir, long maxBytes) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    Files.createDirectories(dir);
    long max = 0;
    for (Path p : list(dir, "*")) {
      String name = p.getFileName().toString();
      if (name.startsWith(TMP_PREFIX)) {
        Files.deleteIfExists(p);
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (m.matches()) {
        max = Math.max(max, Long.parseLong(m.group(1)));
        totalBytes += Files.size(p);
      }
    }
    this.nextSequence = max + 1;
  }

  /** Opens (creating if needed) the spool in {@code dir}, bounded to {@code maxBytes} of batch files. */
  public static Spool open(Path dir, long maxBytes) {
    Objects.requireNonNull(dir, "dir == null");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("spool maxBytes must be positive, was " + maxBytes);
    }
    try {
      return new Spool(dir, maxBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool directory " + dir, e);
    }
  }

  /**
   * Stores a batch, evicting the oldest batches if the new one would not fit. Returns false (and counts the batch
   * as dropped) only when the batch alone is larger than the bound.
   */
  public synchronized boolean write(byte[] body, int measurements) {
    if (body.length > maxBytes) {
      countDrop(measurements);
      return false;
    }
    try {
      while (totalBytes + body.length > maxBytes) {
        Optional<Entry> oldest = oldest();
        if (oldest.isEmpty()) {
          break;
        }
        countDrop(oldest.get().measurements());
        delete(oldest.get());
      }
      long seq = nextSequence++;
      Path tmp = dir.resolve(TMP_PREFIX + seq);
      Files.write(tmp, body);
      Path target = dir.resolve(String.format("%020d-%d.batch", seq, measurements));
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      totalBytes += body.length;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a batch to spool directory " + dir, e);
    }
  }

  /** Stored batches, oldest first. */
  public synchronized List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Path p : list(dir, "*.batch")) {
      Matcher m = NAME.matcher(p.getFileName().toString());
      if (m.matches()) {
        try {
          entries.add(new Entry(p, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Files.size(p)));
        } catch (NoSuchFileException gone) {
          // deleted concurrently by a replay: skip
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    entries.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return entries;
  }

  public synchronized Optional<Entry> oldest() {
    List<Entry> entries = entries();
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  /** The batch's bytes, exactly as written. */
  public byte[] read(Entry entry) {
    try {
      return Files.readAllBytes(entry.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spooled batch " + entry.file(), e);
    }
  }

  /** Removes a batch (after it was delivered, or refused for good). */
  public synchronized void delete(Entry entry) {
    try {
      if (Files.deleteIfExists(entry.file())) {
        totalBytes -= entry.bytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete spooled batch " + entry.file(), e);
    }
  }

  /** Whether no batch is stored: kept by count, so that asking (after every sent batch) does not list the directory. */
  public synchronized boolean isEmpty() {
    return totalBytes == 0;
  }

  /** Bytes of batch files now stored. */
  public synchronized long bytes() {
    return totalBytes;
  }

  /** Batches evicted or refused because the spool was full. */
  public long droppedBatches() {
    return droppedBatches.get();
  }

  /** Measurements in the batches counted by {@link #droppedBatches()}. */
  public long droppedMeasurements() {
    return droppedMeasurements.get();
  }

  private void countDrop(int measurements) {
    droppedBatches.incrementAndGet();
    droppedMeasurements.addAndGet(measurements);
  }

  private static List<Path> list(Path dir, String glob) {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list spool directory " + dir, e);
    }
    return paths;
  }
}
