package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.ManualClock;
import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.store.Series;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a clock the test steps, the service's retention drops each resolution at its age (raw after 2 days, 1 and 15
 * minutes after 32, 1 hour after 558), in memory and on disk, and queries past a resolution's retention are served
 * from the next coarser one that holds the range. On disk a chunk goes once wholly expired (a raw chunk covers 1024
 * seconds, a 15-minute one 1024 quarter hours); what stays of one a cutoff runs through is not loaded again.
 */
class RetentionTest {
  private static final long T = 1_800_000_000L - 1_800_000_000L % 3600; // an hour boundary
  private static final int SECONDS = 7200; // two hours of samples, one a second

  @TempDir Path dir;

  @Test
  void eachResolutionGoesAtItsAge() throws SQLException {
    ManualClock clock = ManualClock.atEpochSecond(T + SECONDS);
    try (DurableStorage storage = open(clock)) {
      storage.measurements().write(Measurements.batch("m", 1, T, SECONDS), "test", T);
      storage.checkpoint();
      assertThat(buckets(storage)).containsExactly(7200, 120, 8, 2);
      assertThat(chunkRows()).containsExactly(8, 1, 1, 1);

      clock.advance(Duration.ofDays(2).minusHours(2));
      storage.expire();
      assertThat(buckets(storage)).containsExactly(7200, 120, 8, 2);

      clock.advance(Duration.ofHours(1)); // the first hour of raw samples is now older than 2 days
      storage.expire();
      assertThat(buckets(storage)).containsExactly(3600, 120, 8, 2);
      assertThat(storage.measurements().pointCount()).isEqualTo(3600);
      assertThat(storage.measurements().resolutionFor(T, 1)).isEqualTo(60);
      assertThat(storage.measurements().resolutionFor(T + 3600, 1)).isEqualTo(1);

      clock.advance(Duration.ofHours(2));
      storage.expire();
      assertThat(buckets(storage)).containsExactly(0, 120, 8, 2);
      storage.checkpoint();
    }
    assertThat(chunkRows()).containsExactly(0, 1, 1, 1);

    clock.advance(Duration.ofDays(30));
    try (DurableStorage storage = open(clock)) {
      assertThat(buckets(storage)).containsExactly(0, 0, 0, 2);
      assertThat(storage.measurements().resolutionFor(T, 60)).isEqualTo(3600);
      assertThat(storage.measurements().resolutionFor(T, 900)).isEqualTo(3600);
      assertThat(storage.measurements().resolutionFor(T, 7200)).isEqualTo(7200);
      assertThat(storage.measurements().series("m").get(0).read(T, T + SECONDS, 3600,
          dev.appoptics.emulator.internal.store.SummaryFunction.COUNT))
          .extracting(p -> p.value()).containsExactly(3600.0, 3600.0);
    }
    assertThat(chunkRows()).containsExactly(0, 0, 1, 1);

    clock.advance(Duration.ofDays(11));
    try (DurableStorage storage = open(clock)) {
      assertThat(buckets(storage)).containsExactly(0, 0, 0, 2);
    }
    assertThat(chunkRows()).containsExactly(0, 0, 0, 1);

    clock.advance(Duration.ofDays(558 - 43));
    try (DurableStorage storage = open(clock)) {
      assertThat(storage.measurements().seriesCount()).isZero();
      assertThat(storage.measurements().series("m")).isEmpty();
    }
    assertThat(chunkRows()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void aConfiguredRetentionReplacesTheService() {
    ManualClock clock = ManualClock.atEpochSecond(T + SECONDS);
    Retention week = Retention.builder().raw(Duration.ofDays(7)).build();
    try (DurableStorage storage = DurableStorage.open(EmulatorSettings.builder().dataDirectory(dir).clock(clock)
        .retention(week).build(), DurableStorage.Tuning.defaults())) {
      storage.measurements().write(Measurements.batch("m", 1, T, SECONDS), "test", T);
      clock.advance(Duration.ofDays(6));
      storage.expire();
      assertThat(buckets(storage)).containsExactly(7200, 120, 8, 2);
      clock.advance(Duration.ofDays(2));
      storage.expire();
      assertThat(buckets(storage)).containsExactly(0, 120, 8, 2);
    }
  }

  private DurableStorage open(ManualClock clock) {
    return DurableStorage.open(EmulatorSettings.builder().dataDirectory(dir).clock(clock).build(),
        DurableStorage.Tuning.defaults());
  }

  /** Buckets per tier over all series. */
  private static List<Integer> buckets(DurableStorage storage) {
    int[] n = new int[Series.TIERS];
    for (Series s : storage.measurements().series("m")) {
      for (int tier = 0; tier < Series.TIERS; tier++) {
        int t = tier;
        s.visit(tier, Long.MIN_VALUE, Long.MAX_VALUE, (time, count, sum, min, max, last, lastTime, sq) -> n[t]++);
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int v : n) {
      out.add(v);
    }
    return out;
  }

  /** Chunk rows per tier in the checkpoint database. */
  private List<Integer> chunkRows() throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("measurements.db"));
        Statement s = c.createStatement()) {
      for (int tier = 0; tier < Series.TIERS; tier++) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM chunks WHERE tier = " + tier)) {
          r.next();
          out.add(r.getInt(1));
        }
      }
    }
    return out;
  }
}
