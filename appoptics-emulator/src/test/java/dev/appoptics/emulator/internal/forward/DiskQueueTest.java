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

  private static void append(DiskQueue q, byte[] body, int measurements, long enqueueMillis) throws Exception {
    q.append(body, body.length, measurements, enqueueMillis);
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
        append(q, body(i), 2, 1000 + i);
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
        append(q, body(i), 1, i);
      }
    }
    Path segment = segments().get(0);
    long size = Files.size(segment);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(size - 3); // the last record lost its end in a crash
    }

    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      assertThat(bodies(q.take(100, 0))).containsExactly("record-0", "record-1");
      append(q, body(9), 1, 9);
      assertThat(bodies(q.take(100, 0))).containsExactly("record-0", "record-1", "record-9");
    }
  }

  @Test
  void aCorruptRecordEndsItsSegmentButLaterSegmentsAreRead() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 8, false)) { // one record per segment
      for (int i = 0; i < 3; i++) {
        append(q, body(i), 1, i);
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
        append(q, body(i), 3, i);
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
      append(q, body(0), 1, 0);
      append(q, body(1), 1, 1);
      ForwardQueue.Taken taken = q.take(1, 0);
      assertThat(q.overtaken(taken)).isFalse();

      q.trimTo(0);

      assertThat(q.overtaken(taken)).isTrue();
      q.remove(taken);
      assertThat(q.records()).isZero();
      assertThat(q.bytes()).isZero();
    }
  }

  @Test
  void recordsLargerThanOneReadAndAcrossSegmentsAreTakenWhole() throws Exception {
    byte[][] bodies = new byte[6][];
    java.util.Random random = new java.util.Random(5);
    try (DiskQueue q = new DiskQueue(dir, 3 << 20, false)) {
      for (int i = 0; i < bodies.length; i++) {
        bodies[i] = new byte[i % 2 == 0 ? (1 << 20) + 100 * i : 700_000]; // some longer than a read of 1 MiB
        random.nextBytes(bodies[i]);
        append(q, bodies[i], 1, i);
      }
      assertThat(segments()).hasSizeGreaterThan(1);

      ForwardQueue.Taken taken = q.take(100, 0);
      assertThat(taken.records()).extracting(ForwardQueue.QueuedRecord::body).containsExactly(bodies);
      assertThat(taken.records()).extracting(ForwardQueue.QueuedRecord::enqueueMillis)
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }
  }

  @Test
  void removingTheFirstRecordsOfATakeLeavesTheRestForTheNext() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 8, false)) {
      for (int i = 0; i < 5; i++) {
        append(q, body(i), 1, i);
      }
      ForwardQueue.Taken all = q.take(100, 0);
      q.remove(all.first(2));

      assertThat(q.records()).isEqualTo(3);
      assertThat(bodies(q.take(100, 0))).containsExactly("record-2", "record-3", "record-4");
    }
    MemoryQueue memory = new MemoryQueue();
    for (int i = 0; i < 5; i++) {
      memory.append(body(i), body(i).length, 1, i);
    }
    memory.remove(memory.take(100, 0).first(3));
    assertThat(bodies(memory.take(100, 0))).containsExactly("record-3", "record-4");
  }

  @Test
  void anInterruptedRequestThreadStillAppendsAndLeavesTheQueueWorkingForOthers() throws Exception {
    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      Thread.currentThread().interrupt(); // a server interrupts request threads when it stops
      try {
        append(q, body(0), 1, 0);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
      } finally {
        Thread.interrupted();
      }
      Thread other = new Thread(() -> {
        try {
          append(q, body(1), 1, 1);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      other.start();
      other.join();

      assertThat(bodies(q.take(100, 0))).containsExactly("record-0", "record-1");
    }
    try (DiskQueue q = new DiskQueue(dir, 1 << 20, false)) {
      assertThat(bodies(q.take(100, 0))).as("both on disk").containsExactly("record-0", "record-1");
    }
  }

  @Test
  void appendsFromSeveralThreadsAcrossManySegmentsAreAllKeptAndConsumedSegmentsGoAfterTheSync() throws Exception {
    int threads = 4;
    int each = 200;
    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 40, true)) { // a roll every record or two
      List<Thread> writers = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * each;
        Thread w = new Thread(() -> {
          for (int i = first; i < first + each; i++) {
            try {
              append(q, body(i), 1, i);
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          }
        });
        writers.add(w);
        w.start();
      }
      for (Thread w : writers) {
        w.join();
      }
      assertThat(q.records()).isEqualTo(threads * each);
    }
    try (DiskQueue q = new DiskQueue(dir, DiskQueue.HEADER + 40, false)) {
      ForwardQueue.Taken all = q.take(Integer.MAX_VALUE, 0);
      assertThat(bodies(all)).hasSize(threads * each).doesNotHaveDuplicates();
      q.remove(all);
      q.sync();
      assertThat(segments()).hasSizeLessThanOrEqualTo(1);
    }
  }
}
