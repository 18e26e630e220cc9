package dev.appoptics.metrics.internal.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of measurement batches kept until they are delivered, one file per batch: batches that failed, and,
 * when the reporter writes ahead, every batch from the moment it is cut.
 *
 * <p>Each batch is written to a temporary file and moved into place atomically, so a crash leaves either a whole
 * batch or none (left-over temporary files are deleted on open). File names carry a sequence number that keeps
 * growing across restarts, the batch's measurement count, and {@code -u} once an attempt to send it went unanswered
 * (it may be stored already): {@code 00000000000000000042-300.batch}, {@code 00000000000000000043-300-u.batch}.
 * Batches are handed out oldest first. A batch being sent is <em>claimed</em>: no one else is handed it and eviction
 * passes it over. The directory is bounded by {@code maxBytes}: to store a new batch, the oldest unclaimed ones are
 * evicted and counted as dropped (recent data is worth more, and old data may be beyond the API's accepted past).
 *
 * <p>Thread-safe within one process; one directory must not be shared by two live spools. The directory is listed
 * once, on open; after that the spool keeps its own index.
 */
public final class Spool {
  private static final Pattern NAME = Pattern.compile("(\\d{20})-(\\d+)(-u)?\\.batch");
  private static final String TMP_PREFIX = ".tmp-";

  /** One stored batch; {@code unanswered}: an attempt to send it got no answer, so it may be stored already. */
  public record Entry(Path file, long sequence, int measurements, long bytes, boolean unanswered) {}

  private final Path dir;
  private final long maxBytes;
  private final TreeMap<Long, Entry> index = new TreeMap<>();
  private final Set<Long> claimed = new HashSet<>();
  private final AtomicLong droppedBatches = new AtomicLong();
  private final AtomicLong droppedMeasurements = new AtomicLong();
  private long nextSequence;
  private long totalBytes;

  private Spool(Path dir, long maxBytes) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    Files.createDirectories(dir);
    long max = 0;
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.startsWith(TMP_PREFIX)) {
        Files.deleteIfExists(p);
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (m.matches()) {
        Entry e = new Entry(p, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Files.size(p),
            m.group(3) != null);
        index.put(e.sequence(), e);
        max = Math.max(max, e.sequence());
        totalBytes += e.bytes();
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
   * Stores a batch, evicting the oldest unclaimed batches if the new one would not fit. Returns false (and counts
   * the batch as dropped) only when the batch alone is larger than the bound.
   */
  public boolean write(byte[] body, int measurements) {
    return append(body, measurements, false).isPresent();
  }

  /**
   * Stores a batch as {@link #write} does and returns it, claimed when {@code sending} (the caller sends it next,
   * so it is also marked {@link #markUnanswered unanswered} from the start); empty when it alone is larger than the
   * bound.
   */
  public synchronized Optional<Entry> append(byte[] body, int measurements, boolean sending) {
    if (body.length > maxBytes) {
      countDrop(measurements);
      return Optional.empty();
    }
    try {
      while (totalBytes + body.length > maxBytes) {
        Optional<Entry> oldest = oldestUnclaimed();
        if (oldest.isEmpty()) {
          break;
        }
        countDrop(oldest.get().measurements());
        delete(oldest.get());
      }
      long seq = nextSequence++;
      Path tmp = dir.resolve(TMP_PREFIX + seq);
      Files.write(tmp, body);
      Path target = dir.resolve(name(seq, measurements, sending));
      move(tmp, target);
      Entry e = new Entry(target, seq, measurements, body.length, sending);
      index.put(seq, e);
      if (sending) {
        claimed.add(seq);
      }
      totalBytes += body.length;
      return Optional.of(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a batch to spool directory " + dir, e);
    }
  }

  /** Stored batches, oldest first. */
  public synchronized List<Entry> entries() {
    return new ArrayList<>(index.values());
  }

  public synchronized Optional<Entry> oldest() {
    return index.isEmpty() ? Optional.empty() : Optional.of(index.firstEntry().getValue());
  }

  /** The oldest batch no one is sending, now claimed by the caller; empty when there is none. */
  public synchronized Optional<Entry> claimOldest() {
    Optional<Entry> e = oldestUnclaimed();
    e.ifPresent(entry -> claimed.add(entry.sequence()));
    return e;
  }

  /** Gives a claimed batch back (sent and deleted, or kept for a later attempt). */
  public synchronized void release(Entry entry) {
    claimed.remove(entry.sequence());
  }

  /** Whether a batch no one is sending is stored. */
  public synchronized boolean hasUnclaimed() {
    return index.size() > claimed.size();
  }

  /** The sequence number of the newest batch, or -1 when none is stored. */
  public synchronized long lastSequence() {
    return index.isEmpty() ? -1 : index.lastKey();
  }

  /** Whether a batch with a sequence number at most {@code sequence} is still stored. */
  public synchronized boolean holdsUpTo(long sequence) {
    return !index.isEmpty() && index.firstKey() <= sequence;
  }

  /** Records that an attempt to send {@code entry} went (or may go) unanswered; the mark survives restarts. */
  public synchronized Entry markUnanswered(Entry entry) {
    return mark(entry, true);
  }

  /** Takes back {@link #markUnanswered}: every attempt was answered, so the batch is not stored. */
  public synchronized Entry markAnswered(Entry entry) {
    return mark(entry, false);
  }

  private Entry mark(Entry entry, boolean unanswered) {
    Entry current = index.get(entry.sequence());
    if (current == null || current.unanswered() == unanswered) {
      return current == null ? entry : current;
    }
    Path target = dir.resolve(name(entry.sequence(), entry.measurements(), unanswered));
    try {
      move(current.file(), target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark spooled batch " + current.file(), e);
    }
    Entry marked = new Entry(target, entry.sequence(), entry.measurements(), entry.bytes(), unanswered);
    index.put(entry.sequence(), marked);
    return marked;
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
    Entry current = index.remove(entry.sequence());
    if (current == null) {
      return;
    }
    totalBytes -= current.bytes();
    try {
      Files.deleteIfExists(current.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete spooled batch " + current.file(), e);
    }
  }

  /** Whether no batch is stored. */
  public synchronized boolean isEmpty() {
    return index.isEmpty();
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

  private Optional<Entry> oldestUnclaimed() {
    for (Entry e : index.values()) {
      if (!claimed.contains(e.sequence())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private void countDrop(int measurements) {
    droppedBatches.incrementAndGet();
    droppedMeasurements.addAndGet(measurements);
  }

  private static String name(long sequence, int measurements, boolean unanswered) {
    return String.format("%020d-%d%s.batch", sequence, measurements, unanswered ? "-u" : "");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<Path> list(Path dir) {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(paths::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list spool directory " + dir, e);
    }
    return paths;
  }
}
