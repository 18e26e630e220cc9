package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.Faults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs a spool-first reporter against the emulator and is killed with SIGKILL while batches are being
 * sent and more wait in the spool. After a restart replays the spool, the emulator must hold every measurement the
 * child added except at most the batch it was cutting: a gap-free prefix that ends less than one batch before the
 * last measurement the child reported as added.
 */
class ReporterKillTest {
  static final int BATCH = 100;
  static final long FIRST = 1_700_000_000L;

  @RegisterExtension
  static final ConnectedEmulator EMULATOR = ConnectedEmulator.create(b -> b
      .clock(java.time.Clock.fixed(java.time.Instant.ofEpochSecond(FIRST), java.time.ZoneOffset.UTC))
      .futureLimit(Duration.ofDays(10))
      .maxPointsPerAnswer(1_000_000));

  @TempDir Path spool;
  @TempDir Path logs;

  @Test
  @Timeout(120)
  void aKilledSpoolFirstReporterLosesAtMostTheBatchBeingCut() throws Exception {
    // batches take a while to send, so some are in flight and more wait in the spool when the kill comes
    EMULATOR.emulator().setFaults(Faults.builder().latency(1.0, Duration.ofMillis(30)).build());
    Path stderr = logs.resolve("child.err");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SpoolFirstChild.class.getName(),
        EMULATOR.baseUri().toString(), spool.toString(), Integer.toString(BATCH), Long.toString(FIRST))
        .redirectError(stderr.toFile())
        .start();
    AtomicLong lastAdded = new AtomicLong(-1);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lastAdded.set(Long.parseLong(line.trim()));
        }
      } catch (IOException | NumberFormatException killed) {
        // the pipe breaks when the child dies
      }
    });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lastAdded.get() < 3_000 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(lastAdded.get()).as("progress of the child; its stderr: %s", Files.readString(stderr))
        .isGreaterThanOrEqualTo(3_000);

    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close(), no flush()
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000);
    long last = lastAdded.get();
    List<Path> left;
    try (var files = Files.list(spool)) {
      left = files.toList();
    }
    assertThat(left).as("batches in the spool at the kill").isNotEmpty();

    EMULATOR.emulator().setFaults(Faults.none());
    ReporterStats replay;
    try (AppOptics api = EMULATOR.connect(b -> b.token(ReliabilityFixture.TOKEN));
        Reporter restarted = Reporter.builder(api).spool(spool).spoolFirst(true).build()) {
      restarted.flush(); // waits for the replay of what the killed child left
      replay = restarted.stats();
    }
    try (var files = Files.list(spool)) {
      assertThat(files).as("the spool after the replay").isEmpty();
    }

    TreeMap<Long, Long> copies = storedCopies();
    long prefix = 0;
    while (copies.containsKey(prefix)) {
      prefix++;
    }
    assertThat(copies.lastKey()).as("no measurement stored after a gap").isEqualTo(prefix - 1);
    assertThat(last - prefix).as("measurements reported added but lost (%d stored, %d added)", prefix, last + 1)
        .isLessThan(BATCH);
    // the batches that were in flight at the kill were re-sent: each may be stored twice, and the restart says so
    long doubled = copies.values().stream().filter(n -> n > 1).count();
    assertThat(replay.sent()).isPositive().isLessThanOrEqualTo((long) left.size() * BATCH);
    assertThat(replay.possibleDuplicates()).isGreaterThanOrEqualTo(doubled / BATCH)
        .isLessThanOrEqualTo(left.size());
  }

  /** Measurement index (time - FIRST) → how many copies the emulator stored. */
  private static TreeMap<Long, Long> storedCopies() {
    try (AppOptics api = EMULATOR.connect(b -> b.token(ReliabilityFixture.TOKEN))) {
      MeasurementResult r = api.getMeasurements(SpoolFirstChild.METRIC, MeasurementQuery.builder()
          .startTime(FIRST).endTime(FIRST + 1_000_000).resolution(1).summaryFunction("count").build());
      TreeMap<Long, Long> copies = new TreeMap<>();
      for (Point p : r.series().get(0).points()) {
        copies.put(p.time() - FIRST, Math.round(p.value()));
      }
      return copies;
    }
  }
}
