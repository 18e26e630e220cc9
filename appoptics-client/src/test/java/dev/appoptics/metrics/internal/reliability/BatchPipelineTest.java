package dev.appoptics.metrics.internal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.metrics.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's batching, back-pressure and spool logic, with an in-memory sink standing in for the API (the HTTP
 * path is covered by the reporter tests against the emulator).
 */
class BatchPipelineTest {
  @TempDir Path dir;

  /** Failure classification for the sink's exceptions. */
  static final class Down extends RuntimeException {
    Down() {
      super("down");
    }
  }

  /** A request that was written and got no answer: it may have been stored. */
  static final class NoAnswer extends RuntimeException {
    NoAnswer() {
      super("no answer");
    }
  }

  private final List<List<Integer>> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean up = new AtomicBoolean(true);
  private final AtomicBoolean slowSink = new AtomicBoolean();
  private final AtomicInteger unanswered = new AtomicInteger();

  private void sink(byte[] body) {
    if (!up.get()) {
      throw new Down();
    }
    if (unanswered.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new NoAnswer();
    }
    if (slowSink.get()) {
      try {
        TimeUnit.MILLISECONDS.sleep(200);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    String s = new String(body, UTF_8);
    received.add(Arrays.stream(s.split(",")).map(Integer::valueOf).collect(Collectors.toList()));
  }

  private static byte[] encode(List<Integer> batch) {
    return batch.stream().map(String::valueOf).collect(Collectors.joining(",")).getBytes(UTF_8);
  }

  private BatchPipeline<Integer> pipeline(int batchSize, Duration interval, int capacity, boolean block,
      Optional<Spool> spool) {
    return new BatchPipeline<>(new PipelineSettings(batchSize, interval, capacity, block, 2, spool,
        Duration.ofMillis(20)), BatchPipelineTest::encode, this::sink, retrier(), e -> {}, "test");
  }

  static Retrier retrier() {
    return new Retrier(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ZERO).build(),
        BatchPipelineTest::classify);
  }

  static Failure classify(RuntimeException e) {
    return Failure.of(e instanceof Down ? Failure.Kind.SERVER_ERROR
        : e instanceof NoAnswer ? Failure.Kind.MAYBE_DELIVERED : Failure.Kind.PERMANENT);
  }

  private List<Integer> all() {
    synchronized (received) {
      return received.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void closeSendsEverythingInBatchesOfAtMostBatchSize() throws Exception {
    BatchPipeline<Integer> p = pipeline(7, Duration.ofHours(1), 1000, true, Optional.empty());
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
    assertThat(received).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(7));
    assertThat(p.counters().accepted.sum()).isEqualTo(400);
    assertThat(p.counters().sent.sum()).isEqualTo(400);
    assertThatThrownBy(() -> p.add(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void aPartialBatchIsSentWhenTheIntervalPasses() throws Exception {
    try (BatchPipeline<Integer> p = pipeline(1000, Duration.ofMillis(10), 1000, true, Optional.empty())) {
      p.add(1);
      p.add(2);
      for (int i = 0; i < 500 && received.isEmpty(); i++) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
      assertThat(received).containsExactly(List.of(1, 2));
    }
  }

  @Test
  void flushWaitsForEverythingAddedBefore() {
    try (BatchPipeline<Integer> p = pipeline(1000, Duration.ofHours(1), 1000, true, Optional.empty())) {
      p.add(1);
      p.flush();
      assertThat(all()).containsExactly(1);
    }
  }

  @Test
  void dropPolicyCountsWhatDidNotFit() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Retrier retrier = new Retrier(RetryPolicy.none(), e -> Failure.of(Failure.Kind.PERMANENT));
    BatchPipeline<Integer> p = new BatchPipeline<>(new PipelineSettings(1, Duration.ofHours(1), 2, false, 1,
        Optional.empty(), Duration.ofHours(1)), BatchPipelineTest::encode, body -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          sink(body);
        }, retrier, e -> {}, "test");
    int accepted = 0;
    for (int i = 0; i < 10; i++) {
      accepted += p.add(i) ? 1 : 0;
    }
    release.countDown();
    p.close();
    // two in the buffer, plus at most one in the blocked sender and one held by the batcher waiting for it
    assertThat(accepted).isBetween(2, 4);
    assertThat(p.counters().dropped.sum()).isEqualTo(10 - accepted);
    assertThat(p.counters().sent.sum()).isEqualTo(accepted);
  }

  @Test
  void failedBatchesAreSpooledAndReplayedWhenTheSinkRecovers() throws Exception {
    Spool spool = Spool.open(dir, 1 << 20);
    up.set(false);
    BatchPipeline<Integer> p = pipeline(5, Duration.ofHours(1), 1000, true, Optional.of(spool));
    IntStream.range(0, 12).forEach(p::add);
    p.flush();
    assertThat(received).isEmpty();
    assertThat(p.counters().spooled.sum()).isEqualTo(12);
    assertThat(p.counters().failedRequests.sum()).isEqualTo(3);
    assertThat(p.counters().retried.sum()).isEqualTo(3);
    assertThat(spool.entries()).hasSize(3);
    up.set(true);
    p.add(12);
    p.flush();
    for (int i = 0; i < 500 && !spool.isEmpty(); i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    p.close();
    assertThat(all()).isEqualTo(IntStream.range(0, 13).boxed().collect(Collectors.toList()));
    assertThat(p.counters().sent.sum()).isEqualTo(13);
    assertThat(spool.isEmpty()).isTrue();
  }

  @Test
  void aSpoolLeftByAnEarlierRunIsReplayedAtStart() throws Exception {
    Spool spool = Spool.open(dir, 1 << 20);
    spool.write(encode(List.of(1, 2, 3)), 3);
    spool.write(encode(List.of(4)), 1);
    BatchPipeline<Integer> p = pipeline(5, Duration.ofHours(1), 1000, true, Optional.of(Spool.open(dir, 1 << 20)));
    for (int i = 0; i < 500 && received.size() < 2; i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    p.close();
    assertThat(received).containsExactly(List.of(1, 2, 3), List.of(4));
    assertThat(p.counters().sent.sum()).isEqualTo(4);
  }

  @Test
  void flushWaitsForTheStartUpReplayOfAnEarlierRunsSpool() {
    Spool earlier = Spool.open(dir, 1 << 20);
    earlier.write(encode(List.of(1, 2)), 2);
    earlier.write(encode(List.of(3)), 1);
    slowSink.set(true);
    BatchPipeline<Integer> p = pipeline(5, Duration.ofHours(1), 1000, true, Optional.of(Spool.open(dir, 1 << 20)));

    p.flush();

    assertThat(all()).containsExactly(1, 2, 3);
    assertThat(p.counters().sent.sum()).isEqualTo(3);
    p.close();
  }

  @Test
  void aBatchResentAfterAnUnansweredAttemptIsCountedAsAPossibleDuplicate() {
    unanswered.set(1);
    try (BatchPipeline<Integer> p = pipeline(5, Duration.ofHours(1), 1000, true, Optional.empty())) {
      IntStream.range(0, 5).forEach(p::add);
      p.flush();

      assertThat(p.counters().retried.sum()).isEqualTo(1);
      assertThat(p.counters().possibleDuplicates.sum()).isEqualTo(1);
      assertThat(p.counters().sent.sum()).isEqualTo(5);
    }
  }

  @Test
  void aBatchSpooledAfterAnUnansweredAttemptCountsWhenAnotherRunSendsIt() {
    unanswered.set(2);
    Spool spool = Spool.open(dir, 1 << 20);
    // Batches of 6: the 5 added wait for the flush, so the failure comes during it and the flush leaves the batch
    // in the spool (a failure before the flush began would have the flush send the spooled batch again).
    BatchPipeline<Integer> p = new BatchPipeline<>(new PipelineSettings(6, Duration.ofHours(1), 1000, true, 2,
        Optional.of(spool), Duration.ofHours(1)), BatchPipelineTest::encode, this::sink, retrier(), e -> {}, "test");
    IntStream.range(0, 5).forEach(p::add);
    p.flush();
    assertThat(p.counters().possibleDuplicates.sum()).isEqualTo(1); // the retry after the first unanswered attempt
    up.set(false); // so that close keeps the batch for the next run
    p.close();
    assertThat(p.counters().spooled.sum()).isEqualTo(5);
    assertThat(p.counters().possibleDuplicates.sum()).isEqualTo(2); // and close's attempt to send it again
    assertThat(spool.entries()).singleElement().satisfies(e -> assertThat(e.unanswered()).isTrue());

    up.set(true);
    try (BatchPipeline<Integer> next = pipeline(5, Duration.ofHours(1), 1000, true,
        Optional.of(Spool.open(dir, 1 << 20)))) {
      next.flush();
      assertThat(next.counters().sent.sum()).isEqualTo(5);
      assertThat(next.counters().possibleDuplicates.sum()).isEqualTo(1);
    }
    assertThat(all()).containsExactly(0, 1, 2, 3, 4);
  }
}
