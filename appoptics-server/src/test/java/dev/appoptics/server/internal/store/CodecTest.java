package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import dev.appoptics.emulator.internal.store.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The log's records and the checkpoints' chunks read back exactly what was written, bit for bit. */
class CodecTest {
  private static final long T = 1_800_000_000L;

  @Test
  void batchRecordsReadBackEveryMeasurement() {
    MemoryMeasurementStore store = store();
    Random random = new Random(7);
    List<ParsedMeasurement> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ParsedMeasurement m = Measurements.value("m" + random.nextInt(3), "h" + random.nextInt(5),
          T + random.nextInt(7200) - 3600, random.nextGaussian() * 1e6);
      if (random.nextBoolean()) { // a summary rather than one sample
        m.count = 1 + random.nextInt(1000);
        m.sum = random.nextDouble() * 100;
        m.min = -random.nextDouble();
        m.max = random.nextDouble() * 1e300;
        m.last = random.nextDouble();
        m.squares = random.nextDouble();
      }
      batch.add(m);
    }
    ParsedMeasurement empty = Measurements.value("m0", "h0", T, 1);
    empty.count = 0;
    batch.add(empty);
    store.prepare(batch, "test", T);
    ByteWriter out = new ByteWriter(16);
    LogRecords.batch(out, batch);
    List<double[]> read = new ArrayList<>();
    LogRecords.read(42, out.array(), WriteAheadLog.FRAME, out.size(), new LogRecords.Reader() {
      @Override
      public void series(long id, String metric, Map<String, String> tags) {
        throw new AssertionError("a batch names no series");
      }

      @Override
      public void measurement(long position, long seriesId, long time, long count, double sum, double min,
          double max, double last, double sumSquares) {
        assertThat(position).isEqualTo(42);
        read.add(new double[] {seriesId, time, count, sum, min, max, last, sumSquares});
      }

      @Override
      public void deleteMetric(String name) {
        throw new AssertionError();
      }

      @Override
      public void clear() {
        throw new AssertionError();
      }
    });
    assertThat(read).hasSize(batch.size() - 1);
    for (int i = 0; i < read.size(); i++) {
      ParsedMeasurement m = batch.get(i);
      assertThat(read.get(i)).containsExactly(m.series.id(), m.time, m.count, m.sum, m.min, m.max, m.last,
          m.squares);
    }
  }

  @Test
  void chunksRestoreEveryBucketOfEveryTier() {
    MemoryMeasurementStore store = store();
    Random random = new Random(11);
    List<ParsedMeasurement> batch = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      ParsedMeasurement m = Measurements.value("m", "h", T + random.nextInt(200_000), random.nextInt(100) / 4.0);
      if (i % 3 == 0) {
        m.count = 3;
        m.sum = 7.5;
        m.min = 1;
        m.max = 4;
        m.last = 2.5;
        m.squares = 21;
      }
      batch.add(m);
    }
    store.write(batch, "test", T);
    Series original = store.series("m").get(0);
    MemoryMeasurementStore restored = store();
    Series copy = restored.restoreSeries(original.id(), "m", original.tags());
    try (BucketCodec.Encoder encoder = new BucketCodec.Encoder()) {
      for (int tier = 0; tier < Series.TIERS; tier++) {
        encoder.tier(tier);
        original.visit(tier, Long.MIN_VALUE, Long.MAX_VALUE, encoder);
      }
      for (BucketCodec.Chunk chunk : encoder.take()) {
        assertThat(BucketCodec.decode(chunk.data(), chunk.tier(), chunk.start(), copy))
            .isEqualTo(chunk.buckets());
      }
    }
    for (int tier = 0; tier < Series.TIERS; tier++) {
      assertThat(buckets(copy, tier)).isEqualTo(buckets(original, tier));
    }
  }

  @Test
  void aOneSampleSecondTakesAtMostNineBytes() {
    MemoryMeasurementStore store = store();
    long start = BucketCodec.chunkStart(0, T);
    Random random = new Random(3);
    List<ParsedMeasurement> noise = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      noise.add(Measurements.value("m", "h", start + i, Double.longBitsToDouble(random.nextLong() >>> 2)));
    }
    store.write(noise, "test", T);
    try (BucketCodec.Encoder encoder = new BucketCodec.Encoder()) {
      encoder.tier(0);
      store.series("m").get(0).visit(0, Long.MIN_VALUE, Long.MAX_VALUE, encoder);
      assertThat(encoder.take()).singleElement().satisfies(chunk -> {
        assertThat(chunk.buckets()).isEqualTo(1000);
        assertThat(chunk.data().length).isLessThanOrEqualTo(1 + 9 * 1000); // random bits hardly deflate
      });
    }
  }

  @Test
  void aPlainChunkAndADamagedOneDecode() {
    ByteWriter plain = new ByteWriter(16).put(BucketCodec.PLAIN).putVarLong(1).putDouble(2.5);
    Series s = store().restoreSeries(1, "m", Measurements.value("m", "h", T, 0).tags);
    assertThat(BucketCodec.decode(plain.toByteArray(), 0, T, s)).isEqualTo(1);
    assertThat(buckets(s, 0)).containsExactly(List.of(T, 1L, 2.5, 2.5, 2.5, 2.5, T, 6.25));
    byte[] damaged = new ByteWriter(16).put(BucketCodec.DEFLATED).putVarLong(100).putInt(0x12345678).toByteArray();
    assertThatThrownBy(() -> BucketCodec.decode(damaged, 0, T, s)).isInstanceOf(CorruptDataException.class);
  }

  @Test
  void gaugesWithTwoDecimalsDeflateToLessThanHalf() {
    MemoryMeasurementStore store = store();
    long start = BucketCodec.chunkStart(0, T);
    List<ParsedMeasurement> gauge = new ArrayList<>();
    Random random = new Random(5);
    for (int i = 0; i < 1000; i++) {
      gauge.add(Measurements.value("m", "h", start + i, Math.round((50 + 20 * Math.sin(i / 60.0)
          + random.nextInt(1000) / 100.0) * 100) / 100.0));
    }
    store.write(gauge, "test", T);
    try (BucketCodec.Encoder encoder = new BucketCodec.Encoder()) {
      encoder.tier(0);
      Series s = store.series("m").get(0);
      s.visit(0, Long.MIN_VALUE, Long.MAX_VALUE, encoder);
      BucketCodec.Chunk chunk = encoder.take().get(0);
      assertThat(chunk.data()[0]).isEqualTo((byte) BucketCodec.DEFLATED);
      assertThat(chunk.data().length).isLessThan(9 * 1000 / 2);
      Series copy = store().restoreSeries(s.id(), "m", s.tags());
      assertThat(BucketCodec.decode(chunk.data(), 0, chunk.start(), copy)).isEqualTo(1000);
      assertThat(buckets(copy, 0)).isEqualTo(buckets(s, 0));
    }
  }

  private static List<List<Object>> buckets(Series s, int tier) {
    List<List<Object>> out = new ArrayList<>();
    s.visit(tier, Long.MIN_VALUE, Long.MAX_VALUE, (time, count, sum, min, max, last, lastTime, sq) ->
        out.add(List.of(time, count, sum, min, max, last, lastTime, sq)));
    return out;
  }

  private static MemoryMeasurementStore store() {
    return new MemoryMeasurementStore(new MetricRegistry(), 1000, 1_000_000);
  }
}
