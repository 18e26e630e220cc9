package dev.appoptics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How fast SQLite itself takes measurements written straight into it, one transaction per 300 (one request), from
 * one thread (SQLite has one writer at a time): the question behind the durable store's design. No HTTP, no parsing:
 * the database alone, reported per second of wall time and per second of the writing thread's CPU (SQLite runs in
 * it), which a busy machine disturbs less. Three ways: the points only; the points and their 1-minute, 15-minute and 1-hour roll-ups kept
 * up to date (what queries need); the points only with every transaction forced to disk (sync before answer).
 *
 * <p>{@code java -cp appoptics-bench/target/benchmarks.jar dev.appoptics.bench.SqliteInsertProbe [--rows 3000000]}
 */
public final class SqliteInsertProbe {
  private static final int BATCH = 300;
  private static final int SERIES = 160;

  private SqliteInsertProbe() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    long rows = args.number("rows", 3_000_000);
    Path dir = Files.createTempDirectory("sqlite-probe");
    try {
      run("points, synchronous=NORMAL", dir.resolve("a.db"), rows, false, false);
      run("points + 3 roll-ups, synchronous=NORMAL", dir.resolve("b.db"), rows, true, false);
      run("points, synchronous=FULL (a sync per transaction)", dir.resolve("c.db"), Math.min(rows, 150_000), false,
          true);
    } finally {
      StorageBenchFiles.delete(dir);
    }
  }

  private static void run(String what, Path file, long rows, boolean rollups, boolean full) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + (full ? "FULL" : "NORMAL"));
        s.execute("CREATE TABLE points (series INTEGER, time INTEGER, value REAL, PRIMARY KEY (series, time))"
            + " WITHOUT ROWID");
        s.execute("CREATE TABLE rollups (series INTEGER, width INTEGER, time INTEGER, count INTEGER, sum REAL,"
            + " min REAL, max REAL, last REAL, PRIMARY KEY (series, width, time)) WITHOUT ROWID");
      }
      db.setAutoCommit(false);
      long base = 1_800_000_000L;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try (PreparedStatement point = db.prepareStatement("INSERT INTO points VALUES (?, ?, ?)");
          PreparedStatement rollup = db.prepareStatement("INSERT INTO rollups VALUES (?, ?, ?, 1, ?, ?, ?, ?)"
              + " ON CONFLICT (series, width, time) DO UPDATE SET count = count + 1, sum = sum + excluded.sum,"
              + " min = min(min, excluded.min), max = max(max, excluded.max), last = excluded.last")) {
        for (long i = 0; i < rows; i++) {
          long series = i % SERIES;
          long time = base + i / SERIES;
          double value = Workload.value(i);
          point.setLong(1, series);
          point.setLong(2, time);
          point.setDouble(3, value);
          point.executeUpdate();
          if (rollups) {
            for (int width : new int[] {60, 900, 3600}) {
              rollup.setLong(1, series);
              rollup.setInt(2, width);
              rollup.setLong(3, time / width * width);
              rollup.setDouble(4, value);
              rollup.setDouble(5, value);
              rollup.setDouble(6, value);
              rollup.setDouble(7, value);
              rollup.executeUpdate();
            }
          }
          if (i % BATCH == BATCH - 1) {
            db.commit();
          }
        }
        db.commit();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf("sqlite  %-52s %,10.0f rows/s (%,d rows in %.2f s; %,.0f rows per CPU second of the"
          + " writer)%n", what, rows / secs, rows, secs, rows / cpu);
    }
  }
}
