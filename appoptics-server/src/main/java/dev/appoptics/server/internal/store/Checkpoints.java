package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.bytes.ByteReader;
import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.bytes.CorruptDataException;
import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.Series;
import dev.appoptics.emulator.internal.store.TagMap;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The checkpoints of the measurement store in SQLite ({@code measurements.db}): each series with the log position it
 * was saved at (and how many of that batch's samples for it the copy holds), its buckets in chunks ({@link
 * BucketCodec}), and the log position replay starts from. A checkpoint
 * rewrites only the chunks whose buckets changed since the last one, in one transaction forced to disk.
 */
final class Checkpoints implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Checkpoints.class.getName());
  private static final int FORMAT = 1;
  private static final int MAX_TAGS = 1024;

  private final Path file;
  private final Connection db;

  Checkpoints(Path file) throws SQLException {
    this.file = file;
    this.db = Sqlite.open(file, true,
        "CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, metric TEXT NOT NULL, tags BLOB NOT NULL,"
            + " position INTEGER NOT NULL, samples INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS chunks (series INTEGER NOT NULL, tier INTEGER NOT NULL, start INTEGER NOT NULL,"
            + " buckets INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (series, tier, start)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    long format = meta("format", FORMAT);
    if (format != FORMAT) {
      db.close();
      throw new IllegalStateException(file + " holds checkpoints of format " + format + "; this version reads "
          + FORMAT);
    }
  }

  /**
   * What the last checkpoint holds.
   *
   * @param series the state of each saved series, by id
   * @param replayFrom the log position replay starts at
   * @param logEnd the end of the log when the checkpoint was saved (later appends must come after it)
   * @param buckets the buckets restored over all tiers
   */
  record Loaded(Map<Long, SeriesState> series, long replayFrom, long logEnd, long buckets) {}

  /** Restores the last checkpoint into {@code memory}. A chunk that does not decode is left out and reported. */
  Loaded load(MemoryMeasurementStore memory) throws SQLException {
    Map<Long, SeriesState> series = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement("SELECT id, metric, tags, position, samples FROM series");
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        long id = rows.getLong(1);
        try {
          Series s = memory.restoreSeries(id, rows.getString(2), tags(rows.getBytes(3)));
          series.put(id, new SeriesState(s, rows.getLong(4), rows.getLong(5)));
        } catch (CorruptDataException e) {
          LOG.log(System.Logger.Level.WARNING, "left out series " + id + " of " + rows.getString(2)
              + ", whose saved tags are damaged: " + e.getMessage());
        }
      }
    }
    long buckets = 0;
    try (PreparedStatement q = db.prepareStatement("SELECT series, tier, start, data FROM chunks");
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        SeriesState state = series.get(rows.getLong(1));
        int tier = rows.getInt(2);
        if (state == null || tier < 0 || tier >= Series.TIERS) {
          continue;
        }
        try {
          buckets += BucketCodec.decode(rows.getBytes(4), tier, rows.getLong(3), state.series);
        } catch (CorruptDataException e) {
          LOG.log(System.Logger.Level.WARNING, "left out a damaged chunk of series " + state.series.metric() + " "
              + state.series.tags() + " (tier " + tier + ", from " + rows.getLong(3) + "): " + e.getMessage());
        }
      }
    }
    Loaded loaded = new Loaded(series, meta("replay_from", 0), meta("log_end", 0), buckets);
    db.commit();
    return loaded;
  }

  /** What a checkpoint saved. */
  record Saved(int series, int chunks, long bytes) {}

  /**
   * Saves a checkpoint: the changes of each of {@code states} (taken under its series' monitor, with the buckets
   * they touched), deletes the series {@code gone} and the chunks of each tier wholly before {@code expiredBefore},
   * and records {@code replayFrom} and the log's end. On failure nothing is saved and every change taken is put
   * back.
   */
  Saved save(List<SeriesState> states, List<Long> gone, long[] expiredBefore, long replayFrom, LongSupplier logEnd)
      throws SQLException {
    List<SeriesState> taken = new ArrayList<>();
    List<SeriesState.Changed> changes = new ArrayList<>();
    int chunks = 0;
    long bytes = 0;
    boolean saved = false;
    try (BucketCodec.Encoder encoder = new BucketCodec.Encoder();
        PreparedStatement upsertSeries = db.prepareStatement(
            "INSERT OR REPLACE INTO series (id, metric, tags, position, samples) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement deleteRange = db.prepareStatement(
            "DELETE FROM chunks WHERE series = ? AND tier = ? AND start BETWEEN ? AND ?");
        PreparedStatement insertChunk = db.prepareStatement(
            "INSERT INTO chunks (series, tier, start, buckets, data) VALUES (?, ?, ?, ?, ?)")) {
      for (int tier = 0; tier < Series.TIERS; tier++) {
        if (expiredBefore[tier] != Long.MIN_VALUE) {
          execute("DELETE FROM chunks WHERE tier = ? AND start <= ?", tier,
              expiredBefore[tier] - BucketCodec.span(tier));
        }
      }
      for (SeriesState state : states) {
        Series s = state.series;
        Optional<SeriesState.Changed> changed;
        List<BucketCodec.Chunk> rows;
        synchronized (s) {
          changed = state.takeChanged();
          if (changed.isEmpty()) {
            continue;
          }
          for (int tier = 0; tier < Series.TIERS; tier++) {
            encoder.tier(tier);
            s.visit(tier, BucketCodec.chunkStart(tier, changed.get().from()),
                BucketCodec.chunkStart(tier, changed.get().to()) + BucketCodec.span(tier) - 1, encoder);
          }
          rows = encoder.take();
        }
        taken.add(state);
        changes.add(changed.get());
        upsertSeries.setLong(1, s.id());
        upsertSeries.setString(2, s.metric());
        upsertSeries.setBytes(3, tags(s.tags()));
        upsertSeries.setLong(4, changed.get().position());
        upsertSeries.setLong(5, changed.get().samples());
        upsertSeries.executeUpdate();
        for (int tier = 0; tier < Series.TIERS; tier++) {
          deleteRange.setLong(1, s.id());
          deleteRange.setInt(2, tier);
          deleteRange.setLong(3, BucketCodec.chunkStart(tier, changed.get().from()));
          deleteRange.setLong(4, BucketCodec.chunkStart(tier, changed.get().to()));
          deleteRange.executeUpdate();
        }
        for (BucketCodec.Chunk chunk : rows) {
          insertChunk.setLong(1, s.id());
          insertChunk.setInt(2, chunk.tier());
          insertChunk.setLong(3, chunk.start());
          insertChunk.setInt(4, chunk.buckets());
          insertChunk.setBytes(5, chunk.data());
          insertChunk.executeUpdate();
          chunks++;
          bytes += chunk.data().length;
        }
      }
      for (long id : gone) {
        execute("DELETE FROM series WHERE id = ?", id);
        execute("DELETE FROM chunks WHERE series = ?", id);
      }
      setMeta("replay_from", replayFrom);
      setMeta("log_end", logEnd.getAsLong());
      db.commit();
      saved = true;
      return new Saved(taken.size(), chunks, bytes);
    } finally {
      if (!saved) {
        db.rollback();
        for (int i = 0; i < taken.size(); i++) {
          taken.get(i).restoreChanged(changes.get(i));
        }
      }
    }
  }

  /** Writes a consistent copy of the checkpoints to {@code target} (see {@link Sqlite#copy}). */
  void copyTo(Path target) throws SQLException, IOException {
    Sqlite.copy(db, target);
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }

  private long meta(String key, long fallback) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      q.setString(1, key);
      try (ResultSet rows = q.executeQuery()) {
        if (rows.next()) {
          return rows.getLong(1);
        }
      }
    }
    setMeta(key, fallback);
    db.commit();
    return fallback;
  }

  private void setMeta(String key, long value) throws SQLException {
    execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  private void execute(String sql, Object... args) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private static byte[] tags(Map<String, String> tags) {
    ByteWriter out = new ByteWriter(64);
    out.putVarLong(tags.size());
    tags.forEach((k, v) -> out.putString(k).putString(v));
    return out.toByteArray();
  }

  private static Map<String, String> tags(byte[] data) {
    ByteReader in = new ByteReader(data);
    int n = in.getCount(MAX_TAGS);
    TreeMap<String, String> tags = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      tags.put(in.getString(), in.getString());
    }
    return new TagMap(tags);
  }
}
