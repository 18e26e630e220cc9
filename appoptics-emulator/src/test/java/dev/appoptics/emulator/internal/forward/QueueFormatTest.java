package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue directories written by other versions: the first record format is delivered, an unknown one left out. */
class QueueFormatTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long T = 1_700_000_000L;

  /** Every received series' samples by its labels, {@code name{label=value,...}}, as text. */
  private static Map<String, List<RemoteWriteReader.Sample>> received(TestReceiver receiver) throws Exception {
    Map<String, List<RemoteWriteReader.Sample>> out = new HashMap<>();
    for (TestReceiver.Request r : receiver.accepted()) {
      for (RemoteWriteReader.TimeSeries ts : RemoteWriteReader.readSnappy(r.body()).series()) {
        out.computeIfAbsent(ts.labels().toString(), k -> new java.util.ArrayList<>()).addAll(ts.samples());
      }
    }
    return out;
  }

  @Test
  void aQueueDirectoryLeftByTheFirstFormatIsDeliveredAfterAnUpgrade(@TempDir Path dir) throws Exception {
    // written by the version before this format: cpu.load (web1, web2) and a summary of lat.ms at T, then cpu.load
    // (web1) and a Python-style value of queue.depth at T + 60
    Path queue = Files.createDirectories(dir.resolve("prometheus"));
    for (String file : List.of("00000000000000000000.seg", "head")) {
      try (var in = getClass().getResourceAsStream("first-format-queue/prometheus/" + file)) {
        Files.copy(in, queue.resolve(file));
      }
    }
    try (TestReceiver receiver = new TestReceiver();
        ForwarderHarness harness = new ForwarderHarness(ForwardSettings.NONE
            .withPrometheus(receiver.uri("/api/v1/write")).withQueue(dir, 0))) {
      await().atMost(WAIT).until(() -> harness.figure("queued_records", "prometheus") == 0);

      Map<String, List<RemoteWriteReader.Sample>> got = received(receiver);
      assertThat(got.get("{__name__=cpu_load, appoptics_name=cpu.load, host=web1, zone=zürich}"))
          .containsExactly(new RemoteWriteReader.Sample(0.5, T * 1000), new RemoteWriteReader.Sample(0.75,
              (T + 60) * 1000));
      assertThat(got.get("{__name__=cpu_load, appoptics_name=cpu.load, host=web2, zone=zürich}"))
          .containsExactly(new RemoteWriteReader.Sample(0.25, T * 1000));
      assertThat(got.get("{__name__=queue_depth, appoptics_name=queue.depth, host=web1}"))
          .containsExactly(new RemoteWriteReader.Sample(7, (T + 60) * 1000));
      Map<String, Double> summary = new HashMap<>();
      got.forEach((labels, samples) -> {
        if (labels.contains("appoptics_name=lat.ms")) {
          summary.put(labels.substring(1, labels.indexOf(',')), samples.get(0).value());
        }
      });
      assertThat(summary).containsExactlyInAnyOrderEntriesOf(Map.of("__name__=lat_ms", 25.0,
          "__name__=lat_ms_count", 4.0, "__name__=lat_ms_sum", 100.0, "__name__=lat_ms_min", 10.0,
          "__name__=lat_ms_max", 40.0));
      assertThat(harness.figure("sent_samples_total", "prometheus")).isEqualTo(9);
      assertThat(harness.figure("dropped_measurements_total", "prometheus")).isZero();
    }
  }

  @Test
  void aRecordOfAnUnknownFormatIsLeftOutAndCountedAndTheRecordsAfterItDelivered(@TempDir Path dir)
      throws Exception {
    try (DiskQueue queue = new DiskQueue(dir.resolve("prometheus"), 1 << 20, false)) {
      byte[] later = {0, (byte) (BatchRecord.FORMAT + 1), 1, 2, 3};
      queue.append(later, later.length, 3, 1000);
      RecordWriter.Encoded good = new RecordWriter(new SeriesKeys(), MetricDescriptions.NONE)
          .encode(List.of(Measurements.value("a", Map.of("h", "1"), T, 1.5)));
      queue.append(good.bytes(), good.length(), good.measurements(), 2000);
    }
    try (TestReceiver receiver = new TestReceiver();
        ForwarderHarness harness = new ForwarderHarness(ForwardSettings.NONE
            .withPrometheus(receiver.uri("/api/v1/write")).withQueue(dir, 0))) {
      await().atMost(WAIT).until(() -> harness.figure("queued_records", "prometheus") == 0);

      assertThat(received(receiver)).containsOnlyKeys("{__name__=a, appoptics_name=a, h=1}")
          .containsValue(List.of(new RemoteWriteReader.Sample(1.5, T * 1000)));
      assertThat(harness.figure("dropped_measurements_total", "prometheus")).isEqualTo(3);
    }
  }

  @Test
  void anInMemoryQueueKeepsTheRecordAsAppendedNotTheWritersReusedBuffer() throws Exception {
    MemoryQueue queue = new MemoryQueue();
    byte[] buffer = {1, 2, 3, 4};
    queue.append(buffer, 2, 1, 0);
    buffer[0] = 9;
    assertThat(queue.take(10, 0).records()).singleElement()
        .satisfies(r -> assertThat(r.body()).containsExactly(1, 2));
  }
}
