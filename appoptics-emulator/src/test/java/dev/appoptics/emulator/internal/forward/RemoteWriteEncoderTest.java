package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RemoteWriteEncoderTest {
  /** Knows lat.ms with a description and unit, and q (names ignore case, as the registry's do). */
  private static final MetricDescriptions DESCRIBED = name -> name.equalsIgnoreCase("lat.ms")
      ? Optional.of(new MetricInfo("lat.ms", Optional.of("Request latency"), Optional.of("ms")))
      : name.equalsIgnoreCase("q") ? Optional.of(new MetricInfo("q", Optional.empty(), Optional.empty()))
      : Optional.empty();

  private static List<SeriesPoints> batch(ForwardCase... cases) {
    PointBatch batch = new PointBatch(DESCRIBED, new SeriesTable());
    RecordWriter writer = new RecordWriter(new SeriesKeys(), DESCRIBED);
    for (ForwardCase c : cases) {
      RecordWriter.Encoded e = writer.encode(List.of(c.m));
      batch.addRecord(java.util.Arrays.copyOf(e.bytes(), e.length()));
    }
    return batch.series();
  }

  private record ForwardCase(dev.appoptics.emulator.internal.store.ParsedMeasurement m) {}

  private static ForwardCase value(String name, Map<String, String> tags, long time, double v) {
    return new ForwardCase(Measurements.value(name, tags, time, v));
  }

  @Test
  void aValueIsOneSampleInMillisecondsWithSortedLabelsAndTheOriginalName() throws Exception {
    RemoteWriteReader.WriteRequest request = RemoteWriteReader.read(new RemoteWriteEncoder(DESCRIBED, () -> 0)
        .encode(batch(value("cpu.load-avg:1m", Map.of("host", "web1", "9zone", "a", "b.c", "x"), 1_700_000_000, 0.5))));

    assertThat(request.series()).hasSize(1);
    RemoteWriteReader.TimeSeries ts = request.series().get(0);
    assertThat(ts.labelsInOrder().stream().map(l -> l[0]).collect(Collectors.toList()))
        .containsExactly("_9zone", "__name__", "appoptics_name", "b_c", "host");
    assertThat(ts.labels()).containsEntry("__name__", "cpu_load_avg_1m").containsEntry("appoptics_name",
        "cpu.load-avg:1m").containsEntry("_9zone", "a").containsEntry("b_c", "x");
    assertThat(ts.samples()).containsExactly(new RemoteWriteReader.Sample(0.5, 1_700_000_000_000L));
  }

  @Test
  void aSummaryIsFiveSeriesAndMetadataCarriesHelpAndUnitOncePerFamily() throws Exception {
    RemoteWriteEncoder encoder = new RemoteWriteEncoder(DESCRIBED, () -> 1000);
    List<SeriesPoints> series = batch(new ForwardCase(
        Measurements.summary("lat.ms", Map.of("route", "/a"), 60, 4, 100, 10, 40, 25)));

    RemoteWriteReader.WriteRequest first = RemoteWriteReader.read(encoder.encode(series));
    RemoteWriteReader.WriteRequest second = RemoteWriteReader.read(encoder.encode(series));

    Map<String, Double> byName = first.series().stream()
        .collect(Collectors.toMap(RemoteWriteReader.TimeSeries::name, t -> t.samples().get(0).value()));
    assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.of(
        "lat_ms", 25.0, "lat_ms_count", 4.0, "lat_ms_sum", 100.0, "lat_ms_min", 10.0, "lat_ms_max", 40.0));
    assertThat(first.metadata()).extracting(RemoteWriteReader.Metadata::family)
        .containsExactlyInAnyOrder("lat_ms", "lat_ms_count", "lat_ms_sum", "lat_ms_min", "lat_ms_max");
    assertThat(first.metadata()).filteredOn(m -> m.family().equals("lat_ms")).singleElement()
        .isEqualTo(new RemoteWriteReader.Metadata(2, "lat_ms", "Request latency", "ms"));
    assertThat(first.metadata()).filteredOn(m -> m.family().equals("lat_ms_count")).singleElement()
        .extracting(RemoteWriteReader.Metadata::unit).isEqualTo("");
    assertThat(second.metadata()).as("sent again only after the refresh interval").isEmpty();
  }

  @Test
  void pointsOfOneSeriesAreSortedAndTheSameSecondMergesAsTheStoreMergesIt() throws Exception {
    List<SeriesPoints> series = batch(
        value("q", Map.of("h", "1"), 20, 2),
        value("q", Map.of("h", "1"), 10, 1),
        new ForwardCase(Measurements.summary("q", Map.of("h", "1"), 20, 2, 10, 4, 6, 6)),
        value("Q", Map.of("h", "1"), 30, 3));

    assertThat(series).hasSize(1).first().satisfies(s -> {
      assertThat(s.size()).isEqualTo(3);
      assertThat(new long[] {s.time(0), s.time(1), s.time(2)}).containsExactly(10, 20, 30);
      assertThat(s.isValue(1)).isFalse();
      assertThat(new double[] {s.count(1), s.sum(1), s.min(1), s.max(1), s.last(1)})
          .containsExactly(3, 12, 2, 6, 6);
    });
  }

  @Test
  void thePythonQueuePayloadIsAValueButAnAggregatorSummaryOfOneSampleIsASummary() {
    var python = Measurements.summary("p", Map.of("h", "1"), 1, 1, 7, Double.NaN, Double.NaN, 7);
    python.onlySumAndCount = true;
    var aggregator = Measurements.summary("p", Map.of("h", "1"), 1, 1, 7, 7, 7, 7);

    assertThat(BatchRecord.isValue(python)).isTrue();
    assertThat(BatchRecord.isValue(aggregator)).isFalse();
  }

  @Test
  void namesFollowOneRuleAndClashingLabelsStayApart() {
    assertThat(PromNames.metricName("1st.metric-x:y")).isEqualTo("_1st_metric_x_y");
    assertThat(PromNames.metricName("ok_name")).isEqualTo("ok_name");
    assertThat(PromNames.labels("m", Map.of("a.b", "1", "a_b", "2", "__x", "3", "appoptics_name", "4")))
        .containsExactly("a_b", "1", "a_b_2", "2", "appoptics_name", "m", "tag___x", "3", "tag_appoptics_name", "4");
  }
}
