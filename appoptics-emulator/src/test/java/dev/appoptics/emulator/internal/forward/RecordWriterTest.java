package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.ParsedMeasurement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Queue records read back every stored measurement, under its series, in order. */
class RecordWriterTest {
  private static final long T = 1_700_000_000L;

  /** What a sender reads from one record: each measurement as text, in order. */
  private static List<String> read(RecordWriter.Encoded e) {
    List<String> out = new ArrayList<>();
    List<ForwardedSeries> series = new ArrayList<>();
    SeriesTable table = new SeriesTable();
    BatchRecord.decode(Arrays.copyOf(e.bytes(), e.length()), table, n -> n, new BatchRecord.Sink() {
      @Override
      public void series(int number, ForwardedSeries s) {
        assertThat(number).isEqualTo(series.size());
        series.add(s);
      }

      @Override
      public void point(int s, long time, boolean value, long count, double sum, double min, double max,
          double last) {
        ForwardedSeries f = series.get(s);
        out.add(f.name + f.tags + "@" + time + (value ? "=" + last : "=" + count + "/" + sum + "/" + min + "/" + max
            + "/" + last));
      }
    });
    return out;
  }

  private static String text(ParsedMeasurement m, String name) {
    return name + new java.util.TreeMap<>(m.tags) + "@" + m.time + (BatchRecord.isValue(m) ? "=" + m.last
        : "=" + m.count + "/" + m.sum + "/" + m.min + "/" + m.max + "/" + m.last);
  }

  @Test
  void everyStoredMeasurementIsReadBackInOrderUnderTheNameTheStoreGaveItsSeries() {
    MemoryMeasurementStore store = new MemoryMeasurementStore(new MetricRegistry(), 1000, 1_000_000);
    Random random = new Random(3);
    List<ParsedMeasurement> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String name = (random.nextBoolean() ? "Cpu.Load" : "cpu.load") + random.nextInt(3);
      ParsedMeasurement m = Measurements.value(name, Map.of("host", "h" + random.nextInt(5)),
          T - random.nextInt(600), random.nextGaussian());
      if (random.nextBoolean()) {
        m = Measurements.summary(name, m.tags, m.time, 1 + random.nextInt(9), random.nextDouble(), -1, 1,
            random.nextDouble());
      }
      batch.add(m);
    }
    batch.get(7).count = 0; // refused by the store: not forwarded
    store.write(batch, "test", T);

    RecordWriter.Encoded e = new RecordWriter(new SeriesKeys(), MetricDescriptions.NONE).encode(batch);

    List<String> expected = new ArrayList<>();
    for (ParsedMeasurement m : batch) {
      if (m.count != 0) {
        expected.add(text(m, m.series.metric()));
      }
    }
    assertThat(e.measurements()).isEqualTo(499);
    assertThat(read(e)).containsExactlyElementsOf(expected);
    assertThat(batch).as("sent in another case than the store spells it").anyMatch(m -> m.count != 0
        && !m.name.equals(m.series.metric()));
  }

  @Test
  void measurementsWithoutTheirStoreSeriesAreNamedAsTheDescriptionsSpellThem() {
    MetricDescriptions described = name -> name.equalsIgnoreCase("q")
        ? Optional.of(new MetricInfo("q", Optional.empty(), Optional.empty())) : Optional.empty();
    RecordWriter writer = new RecordWriter(new SeriesKeys(), described);

    RecordWriter.Encoded e = writer.encode(List.of(Measurements.value("Q", Map.of("h", "1"), T, 1),
        Measurements.value("q", Map.of("h", "1"), T + 1, 2), Measurements.value("other", Map.of("h", "1"), T, 3)));

    assertThat(read(e)).containsExactly("q{h=1}@" + T + "=1.0", "q{h=1}@" + (T + 1) + "=2.0",
        "other{h=1}@" + T + "=3.0");
  }

  @Test
  void aBatchWithNothingStoredMakesNoRecordAndOneLargeBatchLeavesTheWriterAsGoodAsNew() {
    RecordWriter writer = new RecordWriter(new SeriesKeys(), MetricDescriptions.NONE);
    ParsedMeasurement refused = Measurements.value("a", Map.of("h", "1"), T, 1);
    refused.count = 0;
    assertThat(writer.encode(List.of(refused))).isNull();

    List<ParsedMeasurement> large = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      large.add(Measurements.value("m", Map.of("h", Integer.toString(i % 10_000)), T + i / 10_000, i));
    }
    List<String> read = read(writer.encode(large));
    assertThat(read).hasSize(20_000).startsWith("m{h=0}@" + T + "=0.0").endsWith("m{h=9999}@" + (T + 1)
        + "=19999.0");

    assertThat(read(writer.encode(List.of(Measurements.value("b", Map.of("h", "2"), T, 5)))))
        .containsExactly("b{h=2}@" + T + "=5.0");
  }
}
