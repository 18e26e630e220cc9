package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.store.Series;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged log never stops a start: everything before the damage comes back, the damage is reported (bytes,
 * records, segment) and cut off, and later segments still count.
 */
class LogRecoveryTest {
  private static final long T = 1_800_000_000L;
  private static final int BATCHES = 10;
  private static final int PER_BATCH = 50;

  @TempDir Path dir;

  @Test
  void aTruncatedTailLosesOnlyTheTornRecord() throws IOException {
    List<Long> ends = writeAndCrash(dir.resolve("data"), dir.resolve("crash"), 64L << 20);
    Path segment = lastSegment(dir.resolve("crash"));
    long torn = ends.get(BATCHES - 1) - 7; // the last batch cut 7 bytes short of its end
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(torn);
    }
    long dataEnd = nonZeroEnd(segment); // damage is counted to the last byte that is not zero
    try (DurableStorage storage = open(dir.resolve("crash"))) {
      Recovery.Report report = storage.recovery();
      assertThat(report.damages()).singleElement().satisfies(d -> {
        assertThat(d.segment().getFileName()).isEqualTo(segment.getFileName());
        assertThat(d.offset()).isEqualTo(ends.get(BATCHES - 2));
        assertThat(d.bytes()).isEqualTo(dataEnd - ends.get(BATCHES - 2));
        assertThat(d.records()).isEqualTo(1);
        assertThat(d.reason()).contains("cut short");
      });
      assertThat(pointsOf(storage)).isEqualTo((BATCHES - 1) * PER_BATCH);
      assertThat(Files.size(segment)).isEqualTo(ends.get(BATCHES - 2));
    }
    try (DurableStorage again = open(dir.resolve("crash"))) {
      assertThat(again.recovery().damages()).isEmpty();
      assertThat(pointsOf(again)).isEqualTo((BATCHES - 1) * PER_BATCH);
    }
  }

  @Test
  void aCorruptedTailLosesOnlyTheDamagedRecord() throws IOException {
    List<Long> ends = writeAndCrash(dir.resolve("data"), dir.resolve("crash"), 64L << 20);
    Path segment = lastSegment(dir.resolve("crash"));
    flipByte(segment, ends.get(BATCHES - 2) + 40);
    long dataEnd = nonZeroEnd(segment);
    try (DurableStorage storage = open(dir.resolve("crash"))) {
      assertThat(storage.recovery().damages()).singleElement().satisfies(d -> {
        assertThat(d.offset()).isEqualTo(ends.get(BATCHES - 2));
        assertThat(d.bytes()).isEqualTo(dataEnd - ends.get(BATCHES - 2));
        assertThat(dataEnd).isBetween(ends.get(BATCHES - 1) - 8, ends.get(BATCHES - 1));
        assertThat(d.reason()).contains("checksum");
      });
      assertThat(pointsOf(storage)).isEqualTo((BATCHES - 1) * PER_BATCH);
    }
  }

  @Test
  void damageInAnEarlierSegmentKeepsTheSegmentsAfterIt() throws IOException {
    writeAndCrash(dir.resolve("data"), dir.resolve("crash"), 1024);
    List<Path> segments = segments(dir.resolve("crash"));
    assertThat(segments).hasSizeGreaterThan(3);
    Path damaged = segments.get(1);
    long size = Files.size(damaged);
    flipByte(damaged, size - 3);
    try (DurableStorage storage = open(dir.resolve("crash"))) {
      assertThat(storage.recovery().damages()).singleElement()
          .satisfies(d -> assertThat(d.segment().getFileName()).isEqualTo(damaged.getFileName()));
      long lost = storage.recovery().damages().get(0).records();
      assertThat(lost).isEqualTo(1);
      assertThat(pointsOf(storage)).isEqualTo(BATCHES * PER_BATCH - PER_BATCH);
    }
  }

  @Test
  void aSegmentWithoutItsMarkIsDroppedWhole() throws IOException {
    writeAndCrash(dir.resolve("data"), dir.resolve("crash"), 64L << 20);
    Path segment = lastSegment(dir.resolve("crash"));
    flipByte(segment, 2);
    try (DurableStorage storage = open(dir.resolve("crash"))) {
      assertThat(storage.recovery().damages()).singleElement().satisfies(d -> {
        assertThat(d.offset()).isZero();
        assertThat(d.records()).isEqualTo(BATCHES + 1); // the series name record and the batches
      });
      assertThat(pointsOf(storage)).isZero();
      assertThat(Files.exists(segment)).isFalse();
    }
  }

  @Test
  void aPreparedSegmentEndsInZerosThatAreNoDamage() throws IOException {
    DurableStorage.Tuning small = new DurableStorage.Tuning(2048, 1L << 40, Duration.ofDays(1), Duration.ofDays(1));
    Path data = dir.resolve("data");
    long tornAt;
    try (DurableStorage storage = DurableStorage.open(settings(data), small)) {
      DurableMeasurementStore store = (DurableMeasurementStore) storage.measurements();
      for (int b = 0; b < BATCHES; b++) {
        store.prepareSpareSegment();
        store.write(Measurements.batch("m", 1, T + (long) b * PER_BATCH, PER_BATCH), "test", T);
      }
      Path last = lastSegment(data);
      assertThat(Files.size(last)).isEqualTo(2048); // prepared: full size, zeros after the records
      EveryArea.copy(data, dir.resolve("crash"));
      EveryArea.copy(data, dir.resolve("torn"));
      tornAt = nonZeroEnd(last) - 5;
    }
    assertThat(Files.size(lastSegment(data))).isLessThan(2048); // cut to what it holds when closed
    try (DurableStorage storage = open(dir.resolve("crash"))) {
      assertThat(storage.recovery().damages()).isEmpty();
      assertThat(pointsOf(storage)).isEqualTo(BATCHES * PER_BATCH);
    }
    Path torn = lastSegment(dir.resolve("torn"));
    try (RandomAccessFile f = new RandomAccessFile(torn.toFile(), "rw")) {
      f.seek(tornAt);
      f.write(new byte[5]); // the last record's end never reached the disk
    }
    try (DurableStorage storage = open(dir.resolve("torn"))) {
      assertThat(storage.recovery().damages()).singleElement()
          .satisfies(d -> assertThat(d.reason()).contains("checksum"));
      assertThat(pointsOf(storage)).isEqualTo((BATCHES - 1) * PER_BATCH);
    }
  }

  private static long nonZeroEnd(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (bytes[end - 1] == 0) {
      end--;
    }
    return end;
  }

  /**
   * Writes {@link #BATCHES} batches (each to new seconds), copies the directory as a crash leaves it, closes; returns
   * the size of the last segment after each batch.
   */
  private static List<Long> writeAndCrash(Path data, Path crash, long segmentBytes) throws IOException {
    List<Long> ends = new ArrayList<>();
    try (DurableStorage storage = DurableStorage.open(settings(data),
        new DurableStorage.Tuning(segmentBytes, 1L << 40, Duration.ofDays(1), Duration.ofDays(1)))) {
      for (int b = 0; b < BATCHES; b++) {
        storage.measurements().write(Measurements.batch("m", 1, T + (long) b * PER_BATCH, PER_BATCH), "test", T);
        ends.add(Files.size(lastSegment(data)));
      }
      EveryArea.copy(data, crash);
    }
    return ends;
  }

  private static DurableStorage open(Path data) {
    return DurableStorage.open(settings(data), DurableStorage.Tuning.defaults());
  }

  private static EmulatorSettings settings(Path data) {
    return EmulatorSettings.builder().dataDirectory(data).build();
  }

  private static long pointsOf(DurableStorage storage) {
    long n = 0;
    for (Series s : storage.measurements().series("m")) {
      n += s.aggregates(T, T + BATCHES * PER_BATCH, 1).size();
    }
    assertThat(storage.measurements().pointCount()).isEqualTo(n);
    return n;
  }

  private static List<Path> segments(Path data) throws IOException {
    List<Path> out = new ArrayList<>();
    for (long s : WriteAheadLog.segments(data.resolve("log"))) {
      if (Files.size(WriteAheadLog.segmentFile(data.resolve("log"), s)) > WriteAheadLog.MARK.length) {
        out.add(WriteAheadLog.segmentFile(data.resolve("log"), s));
      }
    }
    return out;
  }

  private static Path lastSegment(Path data) throws IOException {
    List<Path> all = segments(data);
    return all.get(all.size() - 1);
  }

  private static void flipByte(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x40);
    }
  }
}
