package dev.appoptics.metrics.internal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spool first: every batch is on disk before the sink sees it, and leaves the disk once the sink took it. */
class SpoolFirstPipelineTest {
  @TempDir Path dir;

  private final List<List<Integer>> received = Collections.synchronizedList(new ArrayList<>());
  /** What the spool directory held while the sink was being called with each body. */
  private final List<Boolean> onDiskWhileSent = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean up = new AtomicBoolean(true);

  private void sink(byte[] body) {
    onDiskWhileSent.add(spoolHolds(body));
    if (!up.get()) {
      throw new BatchPipelineTest.Down();
    }
    String s = new String(body, UTF_8);
    received.add(Arrays.stream(s.split(",")).map(Integer::valueOf).collect(Collectors.toList()));
  }

  private boolean spoolHolds(byte[] body) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".batch")).anyMatch(f -> {
        try {
          return Arrays.equals(Files.readAllBytes(f), body);
        } catch (java.io.IOException gone) {
          return false;
        }
      });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] encode(List<Integer> batch) {
    return batch.stream().map(String::valueOf).collect(Collectors.joining(",")).getBytes(UTF_8);
  }

  private SpoolFirstPipeline<Integer> pipeline(int batchSize, Duration interval) {
    return new SpoolFirstPipeline<>(new PipelineSettings(batchSize, interval, 1, true, 2,
        Optional.of(Spool.open(dir, 1 << 20)), Duration.ofHours(1)), SpoolFirstPipelineTest::encode, this::sink,
        BatchPipelineTest.retrier(), e -> {}, "test");
  }

  private List<Integer> all() {
    synchronized (received) {
      return received.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyBatchIsInTheSpoolWhileItIsSentAndGoneOnceAcknowledged() throws Exception {
    SpoolFirstPipeline<Integer> p = pipeline(10, Duration.ofHours(1));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int base = t * 100;
      threads.add(new Thread(() -> IntStream.range(base, base + 100).forEach(p::add)));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    p.close();

    assertThat(all()).isEqualTo(IntStream.range(0, 400).boxed().collect(Collectors.toList()));
    assertThat(onDiskWhileSent).hasSize(40).containsOnly(true);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
    assertThat(p.counters().sent.sum()).isEqualTo(400);
    assertThat(p.counters().accepted.sum()).isEqualTo(400);
    assertThatThrownBy(() -> p.add(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void onlyTheBatchBeingCutIsInMemoryAndItIsCutWhenTheIntervalPasses() throws Exception {
    try (SpoolFirstPipeline<Integer> p = pipeline(1000, Duration.ofMillis(20))) {
      awaitTimerAsleep(); // with nothing to cut it sleeps until the next replay, an hour away here
      p.add(1);
      p.add(2);
      assertThat(p.buffered()).isEqualTo(2);
      for (int i = 0; i < 500 && received.isEmpty(); i++) {
        Thread.sleep(10);
      }
      assertThat(received).containsExactly(List.of(1, 2));
      assertThat(p.buffered()).isZero();
    }
  }

  private static void awaitTimerAsleep() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      boolean asleep = Thread.getAllStackTraces().keySet().stream()
          .anyMatch(t -> t.getName().equals("test-timer") && t.getState() == Thread.State.TIMED_WAITING);
      if (asleep) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the pipeline's timer thread never waited");
  }

  @Test
  void whileTheSinkIsDownBatchesStayInTheSpoolAndTheNextRunSendsThem() {
    up.set(false);
    SpoolFirstPipeline<Integer> first = pipeline(5, Duration.ofHours(1));
    IntStream.range(0, 12).forEach(first::add);
    first.close();
    assertThat(received).isEmpty();
    assertThat(first.counters().spooled.sum()).isEqualTo(12);
    assertThat(first.counters().sent.sum()).isZero();
    assertThat(Spool.open(dir, 1 << 20).entries()).extracting(Spool.Entry::measurements).containsExactly(5, 5, 2);

    up.set(true);
    SpoolFirstPipeline<Integer> next = pipeline(5, Duration.ofHours(1));
    next.flush();
    assertThat(all()).isEqualTo(IntStream.range(0, 12).boxed().collect(Collectors.toList()));
    assertThat(next.counters().sent.sum()).isEqualTo(12);
    next.close();
  }
}
