package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writers that each wait for their own records to be forced, while the log rolls between them. */
class WriteAheadLogSyncTest {
  private static final int WRITERS = 6;
  private static final int EACH = 300;

  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyWaiterReturnsSyncedPastItsRecordsAndRollsAreNotStarvedByForces() throws Exception {
    SyncFigures figures = new SyncFigures();
    Object writeLock = new Object();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    long rolls;
    // segments of 4 KiB: a roll every 35 records or so, while forces run all the time
    try (WriteAheadLog log = WriteAheadLog.open(dir, 0, 4096, figures)) {
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < EACH; i++) {
            String body = writer + ":" + i + ":" + "x".repeat(100);
            long end;
            synchronized (writeLock) {
              ByteWriter out = new ByteWriter(160);
              byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
              out.putInt(0).putInt(0).putBytes(utf8, utf8.length);
              WriteAheadLog.frame(out, 0);
              if (!log.fits(out.size())) {
                log.roll();
              }
              log.append(out.array(), out.size());
              end = log.end();
            }
            log.awaitSynced(end);
            acknowledged.add(body);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      rolls = log.currentSegment() - 1;
    }
    assertThat(rolls).as("rolls happened while forces ran").isGreaterThan(20);
    assertThat(acknowledged).hasSize(WRITERS * EACH);
    assertThat(figures.count()).as("forces shared between waiters, never more than one per wait and roll")
        .isLessThanOrEqualTo(WRITERS * EACH + 2 * rolls + 2);

    Set<String> read = ConcurrentHashMap.newKeySet();
    LogReader.Result result = LogReader.read(dir, 0, (position, bytes, from, to) ->
        read.add(new String(bytes, from, to - from, StandardCharsets.UTF_8)));
    assertThat(result.damages()).isEmpty();
    assertThat(read).isEqualTo(acknowledged);
  }
}
