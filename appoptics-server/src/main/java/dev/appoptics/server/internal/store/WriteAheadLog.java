package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The write-ahead log of accepted measurement batches: numbered segment files ({@code 00000000000000000001.wal}, …)
 * that each start with an 8-byte mark and then hold records framed as a 4-byte length, the CRC-32C of the body and
 * the body (a type byte and its payload, see {@link LogRecords}). A position is the segment number in the high 32 bits
 * and the byte offset in the low ones, so positions only grow, also across restarts (each opening starts a new
 * segment).
 *
 * <p>Appends come from one writer at a time (the store's write lock); each lands in the operating system with one
 * {@code write} before {@link #append} returns, so a killed process loses nothing appended. {@link #awaitSynced}
 * forces the file to disk: callers whose records a force already running covers wait for it (group commit); a caller
 * whose records came after that force began starts its own beside it rather than queueing behind a force that cannot
 * cover it (with two connections, each request would otherwise wait for two forces). Writes go through a
 * {@link RandomAccessFile}, whose I/O an interrupted thread does not abort (an interruptible channel would close
 * for everyone).
 *
 * <p>A force is cheaper when the file does not grow (only the written blocks go to disk, not the file system's
 * record of the file's size), so the next segment is prepared ahead, outside the write lock ({@link
 * #prepareSpare}): its mark and then zeros to its full size, forced, under a temporary name that a roll renames.
 * A segment thus may end in zeros, which reading takes as its end; a closed segment is cut to what it holds.
 */
final class WriteAheadLog implements Closeable {
  static final byte[] MARK = "AOWAL001".getBytes(StandardCharsets.US_ASCII);
  /** Length and checksum in front of each record body. */
  static final int FRAME = 8;
  static final int MAX_RECORD = 64 << 20;
  static final String SPARE = "spare.wal.tmp";

  private final Path directory;
  private final long segmentBytes;
  private final SyncFigures figures;
  private final AtomicLong appendedBytes = new AtomicLong();
  // Guarded by the caller's write lock:
  private RandomAccessFile file;
  private long segment;
  private long offset;
  private IOException broken;
  /** Set once the spare segment is complete; a roll takes it. */
  private final java.util.concurrent.atomic.AtomicBoolean spareReady = new java.util.concurrent.atomic.AtomicBoolean();
  /** The position after the last record handed to the operating system. */
  private volatile long written;
  private final ReentrantLock syncLock = new ReentrantLock();
  private final Condition syncDone = syncLock.newCondition();
  // Guarded by syncLock:
  private long synced;
  private int forcing; // forces running now
  private long forcingTo; // the furthest position a running force covers
  private boolean rolling; // a roll or close has the file to itself: no force starts

  private WriteAheadLog(Path directory, long segmentBytes, SyncFigures figures) {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.figures = figures;
  }

  /**
   * Opens the log in {@code directory} for appending, in a new segment numbered after {@code afterSegment} and after
   * every segment there.
   */
  static WriteAheadLog open(Path directory, long afterSegment, long segmentBytes, SyncFigures figures)
      throws IOException {
    WriteAheadLog log = new WriteAheadLog(directory, segmentBytes, figures);
    Files.deleteIfExists(directory.resolve(SPARE));
    List<Long> existing = segments(directory);
    long last = existing.isEmpty() ? afterSegment : Math.max(afterSegment, existing.get(existing.size() - 1));
    log.startSegment(last + 1);
    log.synced = log.written;
    return log;
  }

  static long position(long segment, long offset) {
    return (segment << 32) | offset;
  }

  static long segmentOf(long position) {
    return position >>> 32;
  }

  static long offsetOf(long position) {
    return position & 0xFFFF_FFFFL;
  }

  static Path segmentFile(Path directory, long segment) {
    return directory.resolve(String.format("%020d.wal", segment));
  }

  /** The segment numbers in {@code directory}, ascending. */
  static List<Long> segments(Path directory) throws IOException {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{20}\\.wal"))
          .forEach(n -> out.add(Long.parseLong(n.substring(0, 20))));
    }
    out.sort(null);
    return out;
  }

  /**
   * Frames the record whose body starts at {@code start} in {@code out} (after {@link #FRAME} reserved bytes) and
   * runs to the end of what {@code out} holds.
   */
  static void frame(ByteWriter out, int start) {
    int bodyStart = start + FRAME;
    int length = out.size() - bodyStart;
    CRC32C crc = new CRC32C();
    crc.update(out.array(), bodyStart, length);
    out.setInt(start, length);
    out.setInt(start + 4, (int) crc.getValue());
  }

  /** Whether {@code bytes} more fit in the current segment. */
  boolean fits(long bytes) {
    return offset + bytes <= segmentBytes;
  }

  /** The segment that appends go to now. */
  long currentSegment() {
    return segment;
  }

  /** The position after the last appended record. */
  long end() {
    return written;
  }

  /** Bytes appended since the log was opened. */
  long appendedBytes() {
    return appendedBytes.get();
  }

  /**
   * Appends framed records (the first {@code length} bytes of {@code records}); returns their start position. When
   * the write fails, the segment is cut back to where it was, so that what follows is not appended after a torn
   * record; when even that fails, the log refuses every further append.
   */
  long append(byte[] records, int length) throws IOException {
    if (broken != null) {
      throw new IOException("the log cannot be written since an earlier failure: " + broken.getMessage(), broken);
    }
    long at = position(segment, offset);
    try {
      file.write(records, 0, length);
    } catch (IOException e) {
      try {
        file.setLength(offset);
        file.seek(offset);
      } catch (IOException cutFailed) {
        e.addSuppressed(cutFailed);
        broken = e;
      }
      throw e;
    }
    offset += length;
    appendedBytes.addAndGet(length);
    written = position(segment, offset);
    return at;
  }

  /** Closes the current segment (forced to disk) and continues in a new one. */
  void roll() throws IOException {
    beginSync();
    boolean rolled = false;
    try {
      closeSegment();
      startSegment(segment + 1);
      rolled = true;
    } finally {
      endSync(rolled ? written : -1);
    }
  }

  /** Returns once everything up to {@code position} is on disk, forcing it there unless a running force covers it. */
  void awaitSynced(long position) throws IOException {
    syncLock.lock();
    try {
      while (synced < position) {
        if (rolling || (forcing > 0 && forcingTo >= position)) {
          syncDone.awaitUninterruptibly();
          continue;
        }
        forcing++;
        long target = written; // every record up to here is in the operating system before the force begins
        forcingTo = Math.max(forcingTo, target);
        RandomAccessFile f = file;
        syncLock.unlock();
        boolean forced = false;
        try {
          force(f);
          forced = true;
        } finally {
          syncLock.lock();
          forcing--;
          if (forced) {
            synced = Math.max(synced, target);
          }
          syncDone.signalAll();
        }
      }
    } finally {
      syncLock.unlock();
    }
  }

  /** Forces everything appended so far to disk. */
  void sync() throws IOException {
    awaitSynced(written);
  }

  /** Syncs, cuts the segment to what it holds, and closes; the spare segment goes. */
  @Override
  public void close() throws IOException {
    if (file != null) {
      sync();
      beginSync();
      try {
        closeSegment();
        file = null;
      } finally {
        endSync(-1);
      }
      spareReady.set(false);
      Files.deleteIfExists(directory.resolve(SPARE));
    }
  }

  /**
   * Prepares the segment the next roll starts, unless one is ready: the mark, zeros to the segment size, forced.
   * Call from one background thread; appends go on meanwhile.
   */
  void prepareSpare() throws IOException {
    if (spareReady.get()) {
      return;
    }
    Path spare = directory.resolve(SPARE);
    try (RandomAccessFile f = new RandomAccessFile(spare.toFile(), "rw")) {
      f.setLength(0);
      f.write(MARK);
      byte[] zeros = new byte[1 << 20];
      for (long left = segmentBytes - MARK.length; left > 0; left -= zeros.length) {
        f.write(zeros, 0, (int) Math.min(left, zeros.length));
      }
      f.getFD().sync();
    }
    spareReady.set(true);
  }

  /** Forces the current segment, cuts off the zeros after what it holds, and closes it. */
  private void closeSegment() throws IOException {
    force(file);
    if (file.length() > offset) {
      file.setLength(offset);
      file.getFD().sync();
    }
    file.close();
  }

  /** Stops new forces, waits for the running ones, then has the file to itself until {@link #endSync}. */
  private void beginSync() {
    syncLock.lock();
    try {
      while (rolling) {
        syncDone.awaitUninterruptibly();
      }
      rolling = true; // claimed first, so that forces starting one after another cannot keep it waiting
      while (forcing > 0) {
        syncDone.awaitUninterruptibly();
      }
    } finally {
      syncLock.unlock();
    }
  }

  /** Ends a turn begun by {@link #beginSync}; {@code syncedTo} is what is on disk now, -1 when unknown. */
  private void endSync(long syncedTo) {
    syncLock.lock();
    try {
      synced = Math.max(synced, syncedTo);
      rolling = false;
      syncDone.signalAll();
    } finally {
      syncLock.unlock();
    }
  }

  /**
   * Forces the records' bytes and what reading them back needs (the file's length, where it grew), not its times:
   * {@code fdatasync}, which stays out of the file system's journal while a prepared segment is overwritten.
   */
  private void force(RandomAccessFile f) throws IOException {
    long t0 = System.nanoTime();
    f.getChannel().force(false);
    figures.synced(System.nanoTime() - t0);
  }

  private void startSegment(long number) throws IOException {
    Path path = segmentFile(directory, number);
    RandomAccessFile f;
    if (spareReady.compareAndSet(true, false)) {
      Files.move(directory.resolve(SPARE), path, StandardCopyOption.ATOMIC_MOVE);
      f = new RandomAccessFile(path.toFile(), "rw");
      f.seek(MARK.length);
    } else {
      f = new RandomAccessFile(path.toFile(), "rw");
      f.setLength(0);
      f.write(MARK);
      f.getFD().sync();
    }
    syncDirectory(directory);
    file = f;
    segment = number;
    offset = MARK.length;
    written = position(segment, offset);
  }

  /** Forces a directory's entries to disk, so that a file just created there survives a host crash. */
  static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync the directory " + directory, e);
    }
  }

  /**
   * Puts the closed segments numbered {@code from} to {@code to} into {@code target}: hard links, which cost no
   * space while the log keeps its own (a closed segment never changes), or copies where links cannot be made
   * (another file system).
   */
  void copyClosedSegments(long from, long to, Path target) throws IOException {
    if (to >= segment) {
      throw new IllegalArgumentException("segment " + to + " is still written to");
    }
    for (long s : segments(directory)) {
      if (s >= from && s <= to) {
        Path source = segmentFile(directory, s);
        Path copy = segmentFile(target, s);
        try {
          Files.createLink(copy, source);
        } catch (IOException | UnsupportedOperationException cannotLink) {
          try {
            Files.copy(source, copy);
          } catch (IOException e) {
            e.addSuppressed(cannotLink);
            throw e;
          }
        }
      }
    }
  }

  /** Deletes the segments numbered below {@code segment} (never the one appends go to). */
  void deleteBefore(long segment) throws IOException {
    for (long s : segments(directory)) {
      if (s < segment && s < this.segment) {
        Files.deleteIfExists(segmentFile(directory, s));
      }
    }
  }
}
