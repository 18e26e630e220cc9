package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.SyncPolicy;
import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints save only what changed, never stop writers, and a restart after one neither loses nor repeats. */
class CheckpointTest {
  private static final long T = 1_800_000_000L;
  private static final DurableStorage.Tuning MANUAL =
      new DurableStorage.Tuning(1 << 16, 1L << 40, Duration.ofDays(1), Duration.ofDays(1));

  @TempDir Path dir;

  @Test
  void aCheckpointRewritesOnlyTheChunksThatChanged() {
    try (DurableStorage storage = open(dir, SyncPolicy.defaults())) {
      storage.measurements().write(Measurements.batch("a", 4, T, 400), "test", T);
      storage.measurements().write(Measurements.batch("b", 1, T, 10), "test", T);
      assertThat(storage.checkpoint().series()).isEqualTo(5);
      assertThat(storage.checkpoint().series()).isZero();
      storage.measurements().write(List.of(Measurements.value("b", "h0", T + 5, 1)), "test", T);
      Checkpoints.Saved saved = storage.checkpoint();
      assertThat(saved.series()).isEqualTo(1);
      assertThat(saved.chunks()).isEqualTo(Series.TIERS); // one chunk per tier, the one holding T + 5
    }
  }

  @Test
  void checkpointsDuringWritesNeitherLoseNorRepeat() throws Exception {
    Map<String, double[]> expected = new ConcurrentHashMap<>();
    try (DurableStorage storage = open(dir.resolve("data"), SyncPolicy.defaults())) {
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int b = 0; b < 300; b++) {
            List<ParsedMeasurement> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
              String host = "h" + ((b + i) % 7);
              double v = writer * 1000 + b + i * 0.5;
              batch.add(Measurements.value("m", host, T + (b * 3 + i) % 600, v));
              expected.merge(host, new double[] {1, v}, (x, y) -> new double[] {x[0] + y[0], x[1] + y[1]});
            }
            storage.measurements().write(batch, "test", T);
          }
          return null;
        }));
      }
      Future<?> checkpointer = pool.submit(() -> {
        while (writing.get()) {
          storage.checkpoint();
        }
        return null;
      });
      for (Future<?> f : writers) {
        f.get();
      }
      writing.set(false);
      checkpointer.get();
      pool.shutdown();
      EveryArea.copy(dir.resolve("data"), dir.resolve("crash"));
      assertThat(totals(storage)).isEqualTo(rounded(expected));
    }
    try (DurableStorage storage = open(dir.resolve("crash"), SyncPolicy.defaults())) {
      assertThat(totals(storage)).isEqualTo(rounded(expected));
    }
    try (DurableStorage storage = open(dir.resolve("data"), SyncPolicy.defaults())) {
      assertThat(storage.recovery().replayed()).isZero(); // closed cleanly: the last checkpoint holds everything
      assertThat(totals(storage)).isEqualTo(rounded(expected));
    }
  }

  /**
   * A checkpoint may copy a series between two samples of one batch (writers release the series between samples):
   * the copy then holds the batch's first samples only, and replay must apply the others.
   */
  @Test
  void aCopyTakenWithinABatchKeepsCountOfItsSamples() {
    Series series = new dev.appoptics.emulator.internal.store.MemoryMeasurementStore(
        new dev.appoptics.emulator.internal.store.MetricRegistry(), 10, 100)
        .restoreSeries(1, "m", Measurements.value("m", "h", T, 0).tags);
    SeriesState live = new SeriesState(series);
    live.applied(100, T);
    live.applied(200, T + 1);
    live.applied(200, T + 2); // the copy is taken here, before the batch at 200 writes its third sample
    SeriesState.Changed copied = live.takeChanged().orElseThrow();
    assertThat(copied.position()).isEqualTo(200);
    assertThat(copied.samples()).isEqualTo(2);

    SeriesState restored = new SeriesState(series, copied.position(), copied.samples());
    assertThat(restored.replays(100)).isFalse();
    assertThat(restored.replays(200)).isFalse();
    assertThat(restored.replays(200)).isFalse();
    assertThat(restored.replays(200)).isTrue(); // the third sample of the batch at 200
    assertThat(restored.replays(300)).isTrue();
  }

  @Test
  void syncBeforeAnswerSharesSyncsBetweenConcurrentWriters() throws Exception {
    int writers = 8;
    int perWriter = 40;
    try (DurableStorage storage = open(dir, SyncPolicy.beforeAnswer())) {
      long syncsBefore = storage.syncCount();
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String host = "h" + w;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            storage.measurements().write(List.of(Measurements.value("m", host, T + i, i)), "test", T);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      long syncs = storage.syncCount() - syncsBefore;
      assertThat(syncs).isPositive().isLessThan(writers * perWriter);
      assertThat(storage.measurements().pointCount()).isEqualTo(writers * perWriter);
    }
  }

  private static DurableStorage open(Path data, SyncPolicy policy) {
    return DurableStorage.open(EmulatorSettings.builder().dataDirectory(data).syncPolicy(policy).build(), MANUAL);
  }

  /** Count and sum per host over everything stored, from the hour tier (every sample lands in it once). */
  private static Map<String, List<Double>> totals(DurableStorage storage) {
    Map<String, List<Double>> out = new HashMap<>();
    for (Series s : storage.measurements().series("m")) {
      double count = 0;
      double sum = 0;
      for (Aggregate a : s.aggregates(T - 3600, T + 3600, 3600)) {
        count += a.count();
        sum += a.sum();
      }
      out.put(s.tags().get("host"), List.of(count, Math.rint(sum * 2)));
    }
    return out;
  }

  private static Map<String, List<Double>> rounded(Map<String, double[]> expected) {
    Map<String, List<Double>> out = new HashMap<>();
    expected.forEach((host, v) -> out.put(host, List.of(v[0], Math.rint(v[1] * 2))));
    return out;
  }
}
