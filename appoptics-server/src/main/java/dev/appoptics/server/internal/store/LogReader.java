package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the {@link WriteAheadLog} back at start, from a position onwards. A damaged record (cut short by a crash in
 * the middle of a write, a length that cannot be, a checksum that does not match) ends what its segment gives: the
 * segment is truncated there, what was dropped is reported, and reading goes on with the next segment. A damaged
 * log therefore never stops a start; everything before the damage is recovered.
 */
final class LogReader {
  private static final System.Logger LOG = System.getLogger(LogReader.class.getName());

  private LogReader() {}

  /** Receives each intact record body, {@code bytes[from, to)}, with its position. */
  interface Visitor {
    void record(long position, byte[] bytes, int from, int to);
  }

  /**
   * What reading dropped from one segment.
   *
   * @param bytes from the damage to the segment's last byte that is not zero (a prepared segment ends in zeros)
   * @param records the damaged record and the ones its length fields lead to after it (at least 1)
   */
  record Damage(Path segment, long offset, long bytes, int records, String reason) {
    String describe() {
      return "dropped " + bytes + " bytes (" + records + (records == 1 ? " record" : " records") + ") from the log"
          + " segment " + segment.getFileName() + " at offset " + offset + ": " + reason;
    }
  }

  /**
   * What reading found.
   *
   * @param records intact records read
   * @param skipped intact records whose content did not decode (left out, reported)
   * @param lastSegment the number of the last segment read, 0 when there was none
   */
  record Result(long records, long skipped, long lastSegment, List<Damage> damages) {}

  /** Reads every record from {@code from} to the end of the last segment in {@code directory}. */
  static Result read(Path directory, long from, Visitor visitor) throws IOException {
    long records = 0;
    long skipped = 0;
    long last = 0;
    List<Damage> damages = new ArrayList<>();
    for (long segment : WriteAheadLog.segments(directory)) {
      if (segment < WriteAheadLog.segmentOf(from)) {
        continue;
      }
      last = segment;
      Path file = WriteAheadLog.segmentFile(directory, segment);
      byte[] data = Files.readAllBytes(file);
      int mark = WriteAheadLog.MARK.length;
      if (data.length < mark || !Arrays.equals(data, 0, mark, WriteAheadLog.MARK, 0, mark)) {
        damages.add(drop(file, data, 0, "the segment does not start with the log's mark"));
        continue;
      }
      int offset = segment == WriteAheadLog.segmentOf(from)
          ? (int) Math.max(mark, WriteAheadLog.offsetOf(from)) : mark;
      while (offset < data.length && !zerosFrom(data, offset)) {
        String problem = problem(data, offset);
        if (problem != null) {
          damages.add(drop(file, data, offset, problem));
          break;
        }
        int length = intAt(data, offset);
        int body = offset + WriteAheadLog.FRAME;
        try {
          visitor.record(WriteAheadLog.position(segment, offset), data, body, body + length);
          records++;
        } catch (CorruptDataException e) {
          skipped++;
          LOG.log(System.Logger.Level.WARNING, "left out an intact but undecodable log record in segment "
              + file.getFileName() + " at offset " + offset + ": " + e.getMessage());
        }
        offset = body + length;
      }
    }
    return new Result(records, skipped, last, damages);
  }

  /**
   * Whether only zeros follow {@code offset}: the unused rest of a prepared segment, where the log ends. A record
   * never starts with a zero length, so the rest is looked at only then.
   */
  private static boolean zerosFrom(byte[] data, int offset) {
    if (data.length - offset >= 4 && intAt(data, offset) != 0) {
      return false;
    }
    for (int i = offset; i < data.length; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Where the segment's bytes end, before the zeros a prepared segment ends in. */
  private static int dataEnd(byte[] data) {
    int end = data.length;
    while (end > 0 && data[end - 1] == 0) {
      end--;
    }
    return end;
  }

  /** What is wrong with the record at {@code offset}, or null when it is intact. */
  private static String problem(byte[] data, int offset) {
    if (data.length - offset < WriteAheadLog.FRAME) {
      return "a record cut short in its frame (" + (data.length - offset) + " of " + WriteAheadLog.FRAME + " bytes)";
    }
    int length = intAt(data, offset);
    if (length < 1 || length > WriteAheadLog.MAX_RECORD) {
      return "a record length of " + length + " bytes cannot be";
    }
    int body = offset + WriteAheadLog.FRAME;
    if ((long) body + length > data.length) {
      return "a record cut short (" + (data.length - body) + " of " + length + " bytes)";
    }
    CRC32C crc = new CRC32C();
    crc.update(data, body, length);
    return (int) crc.getValue() == intAt(data, offset + 4) ? null : "a record whose checksum does not match";
  }

  /** Truncates {@code file} at {@code offset} (deletes it at 0), reports and returns what went. */
  private static Damage drop(Path file, byte[] data, int offset, String reason) throws IOException {
    int firstFrame = offset == 0 ? Math.min(data.length, WriteAheadLog.MARK.length) : offset;
    Damage damage = new Damage(file, offset, Math.max(1, dataEnd(data) - offset), frames(data, firstFrame), reason);
    LOG.log(System.Logger.Level.WARNING, damage.describe());
    if (offset == 0) {
      Files.delete(file);
    } else {
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
        f.setLength(offset);
        f.getFD().sync();
      }
    }
    return damage;
  }

  /** How many records the length fields from {@code offset} on lead through (the first counted whatever it holds). */
  private static int frames(byte[] data, int offset) {
    int n = offset < data.length ? 1 : 0;
    long at = offset;
    while (at + WriteAheadLog.FRAME <= data.length) {
      int length = intAt(data, (int) at);
      if (length < 1 || length > WriteAheadLog.MAX_RECORD) {
        break;
      }
      at += WriteAheadLog.FRAME + (long) length;
      if (at < data.length) {
        n++;
      }
    }
    return n;
  }

  private static int intAt(byte[] data, int at) {
    return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
        | (data[at + 3] & 0xFF);
  }
}
