package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskQueueTest {
  @TempDir Path dir;

  private static byte[] body(int i) {
    return ("record-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> bodies(ForwardQueue.Taken taken) {
    return taken.records().stream().map(r -> new String(r.body(), StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  private List<Path> segments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void whatWasNotRemovedIsThereAfterAReopenInOrder() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      for (int i = 0; i < 5; i++) {
        q.append(body(i), 2, 1000 + i);
      }
      ForwardQueue.Taken first = q.take(4, 0);
      assertThat(bodies(first)).containsExactly("record-0", "record-1");
      q.remove(first);
    }
    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      assertThat(q.records()).isEqualTo(3);
      assertThat(q.oldestMillis()).isEqualTo(1002);
      ForwardQueue.Taken rest = q.take(100, 0);
      assertThat(bodies(rest)).containsExactly("record-2", "record-3", "record-4");
      assertThat(rest.records()).extracting(ForwardQueue.QueuedRecord::measurements).containsOnly(2);
      q.remove(rest);
      assertThat(q.bytes()).isZero();
      assertThat(q.oldestMillis()).isZero();
    }
  }

  @Test
  void aTornTailIsCutOffAndEverythingBeforeItRecovered() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, 1 << 20, true)) {
      for (int i = 0; i < 3; i++) {
        q.append(body(i), 1, i);
      }
    }
    Path segment = segments().get(0);
    long size = Files.size(segment);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(size - 3); // the last record lost its end in a crash
    }

    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      assertThat(bodies(q.take(100, 0))).containsExactly("record-0", "record-1");
      q.append(body(9), 1, 9);
      assertThat(bodies(q.take(100, 0))).containsExactly("record-0", "record-1", "record-9");
    }
  }

  @Test
  void aCorruptRecordEndsItsSegmentButLaterSegmentsAreRead() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 8, false)) { // one record per segment
      for (int i = 0; i < 3; i++) {
        q.append(body(i), 1, i);
      }
    }
    assertThat(segments()).hasSize(3);
    try (RandomAccessFile f = new RandomAccessFile(segments().get(1).toFile(), "rw")) {
      f.seek(DiskQueue.HEADER + 2);
      f.write('X');
    }

    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 8, false)) {
      assertThat(bodies(q.take(100, 0))).containsExactly("record-0", "record-2");
    }
  }

  @Test
  void trimmingDropsTheOldestAndConsumedSegmentsAreDeleted() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 8, false)) {
      for (int i = 0; i < 6; i++) {
        q.append(body(i), 3, i);
      }
      long perRecord = q.bytes() / 6;

      assertThat(q.trimTo(perRecord * 2)).isEqualTo(12);
      assertThat(q.records()).isEqualTo(2);
      assertThat(q.oldestMillis()).isEqualTo(4);
      ForwardQueue.Taken taken = q.take(100, 0);
      assertThat(bodies(taken)).containsExactly("record-4", "record-5");
      q.remove(taken);
      q.sync();
      assertThat(segments()).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Test
  void aTakenBatchOvertakenByTrimmingIsRecognized() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      q.append(body(0), 1, 0);
      q.append(body(1), 1, 1);
      ForwardQueue.Taken taken = q.take(1, 0);
      assertThat(q.overtaken(taken)).isFalse();

      q.trimTo(0);

      assertThat(q.overtaken(taken)).isTrue();
      q.remove(taken);
      assertThat(q.records()).isZero();
      assertThat(q.bytes()).isZero();
    }
  }
}
