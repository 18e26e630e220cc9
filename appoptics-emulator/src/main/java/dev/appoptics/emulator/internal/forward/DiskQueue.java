package dev.appoptics.emulator.internal.forward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The forwarding queue on disk: segment files {@code <start position>.seg} of framed records, and a {@code head}
 * file with the position of the oldest record not yet delivered. A frame is {@code length, CRC-32C, enqueue time,
 * measurements, body}; the checksum covers everything after itself. Positions grow forever (a segment's name is
 * the position of its first byte), so a restart knows where delivery stopped.
 *
 * <p>Each append is written to the file before {@link #append} returns, so it survives the process being killed.
 * With {@code syncEachAppend} it is also forced to the device first (concurrent appends share one force); otherwise
 * {@link #sync} forces it, on the caller's schedule. Opening recovers what a crash left: a torn or corrupt frame
 * ends its segment (the rest of that segment is cut off and logged), later segments are still read.
 *
 * <p>Only the sender deletes segments, and never one it is reading; request threads only move the head when they
 * drop the oldest records.
 */
final class DiskQueue implements ForwardQueue {
  private static final System.Logger LOG = System.getLogger("dev.appoptics.forward");
  static final int HEADER = 20;
  private static final int READ_WINDOW = 1 << 20;
  private static final String SUFFIX = ".seg";

  private final Path dir;
  private final long segmentBytes;
  private final boolean syncEachAppend;
  private final QueueLock lock = new QueueLock();
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final QueueFile headFile;
  private final Object syncLock = new Object();
  /** Segments left behind by a roll whose last appends may not be on the device yet; guarded by the lock. */
  private final List<Segment> unforced = new ArrayList<>();
  private Segment active;
  private volatile long head;
  // written under the lock, read without it
  private volatile long bytes;
  private volatile long records;
  private volatile long oldestMillis;
  private long readerAt = Long.MAX_VALUE;
  private long syncedTo;
  private boolean headDirty;

  DiskQueue(Path dir, long segmentBytes, boolean syncEachAppend) throws IOException {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.syncEachAppend = syncEachAppend;
    Files.createDirectories(dir);
    this.headFile = new QueueFile(dir.resolve("head"));
    recover();
  }

  private void recover() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String f = p.getFileName().toString();
        if (f.endsWith(SUFFIX) && f.length() > SUFFIX.length()) {
          long start = Long.parseLong(f.substring(0, f.length() - SUFFIX.length()));
          segments.put(start, new Segment(start, p));
        }
      }
    }
    head = readHead();
    if (!segments.isEmpty() && head < segments.firstKey()) {
      head = segments.firstKey();
    }
    for (Segment s : new ArrayList<>(segments.values())) {
      if (s.end() <= head && s != segments.lastEntry().getValue()) {
        delete(s);
        continue;
      }
      long pos = Math.max(s.start, head) - s.start;
      while (pos < s.size) {
        long frame = checkFrame(s, pos);
        if (frame < 0) {
          LOG.log(Level.WARNING, "forwarding queue {0}: cut off {1} bytes of a torn or corrupt tail at {2}",
              s.file.path(), s.size - pos, s.start + pos);
          s.file.truncate(pos);
          s.size = pos;
          break;
        }
        if (s.start + pos >= head) {
          bytes += frame;
          records++;
        }
        pos += frame;
      }
    }
    if (segments.isEmpty()) {
      Segment fresh = new Segment(head, dir.resolve(name(head)));
      segments.put(head, fresh);
    }
    active = segments.lastEntry().getValue();
    head = normalize(Math.max(head, segments.firstKey()));
    if (records == 0) {
      head = active.end();
    }
    oldestMillis = records == 0 ? 0 : header(head).getLong(8);
    syncedTo = active.end();
  }

  /** The size of the valid frame at {@code pos} in {@code s}, or -1 when it is torn or corrupt. */
  private static long checkFrame(Segment s, long pos) throws IOException {
    if (s.size - pos < HEADER) {
      return -1;
    }
    ByteBuffer h = ByteBuffer.allocate(HEADER);
    s.file.readFully(h, pos);
    int length = h.getInt(0);
    if (length < 0 || s.size - pos - HEADER < length) {
      return -1;
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    s.file.readFully(body, pos + HEADER);
    CRC32C crc = new CRC32C();
    crc.update(h.array(), 8, HEADER - 8);
    crc.update(body.array());
    return (int) crc.getValue() == h.getInt(4) ? HEADER + length : -1;
  }

  @Override
  public void append(byte[] body, int length, int measurements, long enqueueMillis) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(HEADER + length);
    frame.putInt(length).putInt(0).putLong(enqueueMillis).putInt(measurements).put(body, 0, length);
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), 8, frame.capacity() - 8);
    frame.putInt(4, (int) crc.getValue());
    frame.flip();
    long end;
    lock.lock();
    try {
      if (active.size > 0 && active.size + frame.remaining() > segmentBytes) {
        unforced.add(active); // forced by the next sync, outside this lock
        Segment next = new Segment(active.end(), dir.resolve(name(active.end())));
        segments.put(next.start, next);
        active = next;
      }
      long at = active.end();
      active.file.append(frame.array(), active.size);
      active.size += frame.capacity();
      if (records == 0) {
        head = at;
        oldestMillis = enqueueMillis;
      }
      bytes += frame.capacity();
      records++;
      end = active.end();
      lock.signalWaiter();
    } finally {
      lock.unlock();
    }
    if (syncEachAppend) {
      syncTo(end);
    }
  }

  @Override
  public Taken take(int maxMeasurements, long waitMillis) throws IOException, InterruptedException {
    long from;
    long to;
    // the segments to read, looked up here without taking the lock for each record (appends wait for the lock)
    NavigableMap<Long, Segment> reading;
    lock.lock();
    try {
      lock.await(() -> records > 0, waitMillis);
      from = head;
      to = active.end();
      readerAt = from;
      reading = new TreeMap<>(segments.tailMap(segments.floorKey(from), true));
    } finally {
      lock.unlock();
    }
    List<QueuedRecord> out = new ArrayList<>();
    int measurements = 0;
    long pos = from;
    // records are read a window of up to READ_WINDOW bytes at a time, rather than with two reads each
    ByteBuffer window = ByteBuffer.allocate(0);
    long windowStart = from;
    while (pos < to) {
      Segment s = reading.floorEntry(pos).getValue();
      int limit = (int) Math.min(Math.min(to, s.end()) - pos, READ_WINDOW);
      if (pos + HEADER > windowStart + window.capacity()) {
        window = read(s, pos, limit);
        windowStart = pos;
      }
      int at = (int) (pos - windowStart);
      int length = window.getInt(at);
      int n = window.getInt(at + 16);
      if (!out.isEmpty() && measurements + n > maxMeasurements) {
        break;
      }
      byte[] body = new byte[length];
      if (at + HEADER + length > window.capacity() && HEADER + length <= limit) {
        window = read(s, pos, limit);
        windowStart = pos;
        at = 0;
      }
      if (at + HEADER + length <= window.capacity()) {
        window.get(at + HEADER, body);
      } else {
        s.file.readFully(ByteBuffer.wrap(body), pos - s.start + HEADER);
      }
      out.add(new QueuedRecord(window.getLong(at + 8), n, body, pos));
      measurements += n;
      pos = normalize(reading, pos + HEADER + length);
    }
    return new Taken(out, normalize(pos));
  }

  /** {@code length} bytes of segment {@code s} from queue position {@code pos}. */
  private static ByteBuffer read(Segment s, long pos, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    s.file.readFully(b, pos - s.start);
    return b;
  }

  @Override
  public void remove(Taken taken) throws IOException {
    lock.lock();
    try {
      for (QueuedRecord r : taken.records()) {
        if (r.position() >= head) {
          bytes -= HEADER + r.body().length;
          records--;
        }
      }
      if (taken.end() > head) {
        moveHead(taken.end());
      }
      readerAt = Long.MAX_VALUE;
      deleteConsumed();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long trimTo(long maxBytes) throws IOException {
    lock.lock();
    try {
      long dropped = 0;
      long pos = head;
      while (bytes > maxBytes && records > 0) {
        ByteBuffer h = header(pos);
        long frame = HEADER + h.getInt(0);
        dropped += h.getInt(16);
        bytes -= frame;
        records--;
        pos = normalize(pos + frame);
      }
      if (pos != head) {
        moveHead(pos);
      }
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** Sets the head, reads the new oldest record's time, and marks the head file for the next {@link #sync}. */
  private void moveHead(long to) throws IOException {
    head = records == 0 ? active.end() : to;
    oldestMillis = records == 0 ? 0 : header(head).getLong(8);
    headDirty = true;
  }

  private void deleteConsumed() throws IOException {
    long keepFrom = Math.min(head, readerAt);
    while (segments.size() > 1 && segments.firstEntry().getValue().end() <= keepFrom
        && !unforced.contains(segments.firstEntry().getValue())) {
      delete(segments.firstEntry().getValue());
    }
  }

  private void delete(Segment s) throws IOException {
    segments.remove(s.start);
    s.file.close();
    Files.deleteIfExists(s.file.path());
  }

  @Override
  public long headPosition() {
    return head;
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public long records() {
    return records;
  }

  @Override
  public long oldestMillis() {
    return oldestMillis;
  }

  @Override
  public void sync() throws IOException {
    long end;
    long headNow;
    lock.lock();
    try {
      end = active.end();
      headNow = headDirty ? head : -1;
      headDirty = false;
    } finally {
      lock.unlock();
    }
    syncTo(end);
    lock.lock();
    try {
      deleteConsumed(); // after the sync, which lets go of the segments a roll left behind
    } finally {
      lock.unlock();
    }
    if (headNow >= 0) {
      ByteBuffer b = ByteBuffer.allocate(8).putLong(0, headNow);
      headFile.writeFully(b, 0);
      headFile.force();
    }
  }

  /**
   * Forces every append up to {@code end} to the device, once for all of them: the segments a roll left behind, then
   * the active one. Appends go on meanwhile; only syncs wait for each other.
   */
  private void syncTo(long end) throws IOException {
    synchronized (syncLock) {
      if (syncedTo >= end) {
        return;
      }
      List<Segment> finished;
      Segment s;
      long target;
      lock.lock();
      try {
        finished = new ArrayList<>(unforced);
        s = active;
        target = active.end();
      } finally {
        lock.unlock();
      }
      for (Segment f : finished) {
        f.file.force();
      }
      s.file.force();
      lock.lock();
      try {
        unforced.removeAll(finished);
      } finally {
        lock.unlock();
      }
      syncedTo = target;
    }
  }

  @Override
  public void wakeUp() {
    lock.wakeUp();
  }

  @Override
  public void close() throws IOException {
    wakeUp();
    lock.lock();
    try {
      headDirty = true;
    } finally {
      lock.unlock();
    }
    sync();
    lock.lock();
    try {
      for (Segment s : segments.values()) {
        s.file.close();
      }
      headFile.close();
    } finally {
      lock.unlock();
    }
  }

  private long readHead() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8);
    if (headFile.size() < 8) {
      return 0;
    }
    headFile.readFully(b, 0);
    return b.getLong(0);
  }

  /** The header of the record at {@code pos}; called with the lock held. */
  private ByteBuffer header(long pos) throws IOException {
    Segment s = segmentAt(pos);
    ByteBuffer h = ByteBuffer.allocate(HEADER);
    s.file.readFully(h, pos - s.start);
    return h;
  }

  private Segment segmentAt(long pos) {
    lock.lock();
    try {
      return segments.floorEntry(pos).getValue();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #normalize(NavigableMap, long)} over the queue's segments. */
  private long normalize(long pos) {
    lock.lock();
    try {
      return normalize(segments, pos);
    } finally {
      lock.unlock();
    }
  }

  /** {@code pos}, or the start of the next segment holding data when {@code pos} ends a finished segment. */
  private static long normalize(NavigableMap<Long, Segment> segments, long pos) {
    Map.Entry<Long, Segment> e = segments.floorEntry(pos);
    while (e != null && pos >= e.getValue().end()) {
      e = segments.higherEntry(pos);
      if (e != null) {
        pos = e.getKey();
      }
    }
    return pos;
  }

  private static String name(long start) {
    return String.format("%020d%s", start, SUFFIX);
  }

  /** One segment file: its first position, its file and how many bytes it holds. */
  private static final class Segment {
    final long start;
    final QueueFile file;
    long size;

    Segment(long start, Path path) {
      this.start = start;
      try {
        this.file = new QueueFile(path);
        this.size = file.size();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open forwarding queue file " + path + ": " + e.getMessage(), e);
      }
    }

    long end() {
      return start + size;
    }
  }
}
