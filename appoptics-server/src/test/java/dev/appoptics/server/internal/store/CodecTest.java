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
  void plainChunksOfBothFormsAndADamagedOneDecode() {
    // the first form, as an earlier version wrote it: head (widths << 1 | single), then the value's 8 bytes
    ByteWriter first = new ByteWriter(16).put(BucketCodec.PLAIN_V1).putVarLong(1).putDouble(2.5);
    Series s = store().restoreSeries(1, "m", Measurements.value("m", "h", T, 0).tags);
    assertThat(BucketCodec.decode(first.toByteArray(), 0, T, s)).isEqualTo(1);
    assertThat(buckets(s, 0)).containsExactly(List.of(T, 1L, 2.5, 2.5, 2.5, 2.5, T, 6.25));
    ByteWriter body = new ByteWriter(16).putVarLong(1).putDouble(2.5).putVarLong(2 << 1 | 1).putDouble(-1);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED, true);
    deflater.setInput(body.array(), 0, body.size());
    deflater.finish();
    byte[] packed = new byte[64];
    int length = deflater.deflate(packed);
    deflater.end();
    ByteWriter firstDeflated = new ByteWriter(16).put(BucketCodec.DEFLATED_V1).putVarLong(body.size())
        .putBytes(packed, length);
    Series d = store().restoreSeries(1, "m", Measurements.value("m", "h", T, 0).tags);
    assertThat(BucketCodec.decode(firstDeflated.toByteArray(), 0, T, d)).isEqualTo(2);
    assertThat(buckets(d, 0)).containsExactly(List.of(T, 1L, 2.5, 2.5, 2.5, 2.5, T, 6.25),
        List.of(T + 2, 1L, -1.0, -1.0, -1.0, -1.0, T + 2, 1.0));
    // this form: 2.5 as 25 tenths, then 2.75 as 275 hundredths, 2.5 * 100 = 250 units before it
    ByteWriter now = new ByteWriter(16).put(BucketCodec.PLAIN)
        .putVarLong(1 << 3 | BucketCodec.TAG_DECIMAL + 1).putSignedVarLong(25)
        .putVarLong(1 << 3 | BucketCodec.TAG_DECIMAL + 2).putSignedVarLong(25);
    Series t = store().restoreSeries(1, "m", Measurements.value("m", "h", T, 0).tags);
    assertThat(BucketCodec.decode(now.toByteArray(), 0, T, t)).isEqualTo(2);
    assertThat(buckets(t, 0)).containsExactly(List.of(T + 1, 1L, 2.5, 2.5, 2.5, 2.5, T + 1, 6.25),
        List.of(T + 2, 1L, 2.75, 2.75, 2.75, 2.75, T + 2, 2.75 * 2.75));
    byte[] damaged = new ByteWriter(16).put(BucketCodec.DEFLATED).putVarLong(100).putInt(0x12345678).toByteArray();
    assertThatThrownBy(() -> BucketCodec.decode(damaged, 0, T, s)).isInstanceOf(CorruptDataException.class);
    byte[] later = new ByteWriter(16).put(9).putVarLong(1).toByteArray();
    assertThatThrownBy(() -> BucketCodec.decode(later, 0, T, s)).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("unknown form 9");
  }

  @Test
  void everyKindOfValueReadsBackBitForBit() {
    Random random = new Random(13);
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.1, 0.01, 1e-5, 1e-6, 123456.78901,
        0x1p53, 0x1p53 + 2, -0x1p53, 1e300, -1e300, Double.MIN_VALUE, Double.MAX_VALUE, 1e15 + 0.5, 99.99,
        Math.PI, 1.0 / 3));
    for (int i = 0; i < 3000; i++) {
      int k = random.nextInt(8);
      values.add(switch (i % 4) {
        case 0 -> Math.round(random.nextGaussian() * 1e6) / Math.pow(10, k); // k decimals, some past the scale
        case 1 -> (double) random.nextLong();
        case 2 -> Double.longBitsToDouble(random.nextLong() >>> 2);
        default -> random.nextInt(100_000) / 100.0 - 500;
      });
    }
    MemoryMeasurementStore store = store();
    List<ParsedMeasurement> batch = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      batch.add(Measurements.value("m", "h", T + i, values.get(i)));
    }
    store.write(batch, "test", T);
    Series original = store.series("m").get(0);
    Series copy = store().restoreSeries(original.id(), "m", original.tags());
    try (BucketCodec.Encoder encoder = new BucketCodec.Encoder()) {
      encoder.tier(0);
      original.visit(0, Long.MIN_VALUE, Long.MAX_VALUE, encoder);
      for (BucketCodec.Chunk chunk : encoder.take()) {
        BucketCodec.decode(chunk.data(), 0, chunk.start(), copy);
      }
    }
    List<Long> bits = new ArrayList<>();
    copy.visit(0, Long.MIN_VALUE, Long.MAX_VALUE, (time, count, sum, min, max, last, lastTime, sq) ->
        bits.add(Double.doubleToRawLongBits(sum)));
    assertThat(bits).isEqualTo(values.stream().map(Double::doubleToRawLongBits).toList());
    assertThat(buckets(copy, 0)).isEqualTo(buckets(original, 0));
  }

  @Test
  void gaugesWithTwoDecimalsTakeUnderTwoBytesASecond() {
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
      assertThat(chunk.data().length).as("a head byte and a difference of a byte or two, deflated")
          .isLessThan(2 * 1000);
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
