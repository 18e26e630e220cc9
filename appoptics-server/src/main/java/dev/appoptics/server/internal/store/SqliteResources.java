package dev.appoptics.server.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appoptics.emulator.internal.store.Changes;
import dev.appoptics.emulator.internal.store.ResourceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource store in SQLite ({@code resources.db}): one table of JSON documents by collection and id, kept in the
 * order their ids were first written, and the highest whole-number id each collection has had. Every {@link #write}
 * is one transaction. Thread-safe: one connection, used by one caller at a time. While a snapshot {@link #hold holds}
 * writes, a write waits for the {@link #release}.
 */
final class SqliteResources implements ResourceStore, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final boolean syncEachCommit;
  private final Connection db;
  private boolean unsynced;
  private final WriteHold hold = new WriteHold(this);

  SqliteResources(Path file, boolean syncEachCommit) throws SQLException {
    this.file = file;
    this.syncEachCommit = syncEachCommit;
    this.db = Sqlite.open(file, syncEachCommit,
        "CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,"
            + " PRIMARY KEY (collection, id))",
        "CREATE TABLE IF NOT EXISTS highest_ids (collection TEXT PRIMARY KEY, id INTEGER NOT NULL)");
  }

  @Override
  public synchronized Map<String, JsonNode> load(String collection) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (PreparedStatement q =
        db.prepareStatement("SELECT id, body FROM documents WHERE collection = ? ORDER BY rowid")) {
      q.setString(1, collection);
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          out.put(rows.getString(1), JSON.readTree(rows.getString(2)));
        }
      }
      db.commit();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read the collection " + collection + " from " + file + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public synchronized long highestId(String collection) {
    try (PreparedStatement q = db.prepareStatement("SELECT id FROM highest_ids WHERE collection = ?")) {
      q.setString(1, collection);
      try (ResultSet rows = q.executeQuery()) {
        long id = rows.next() ? rows.getLong(1) : 0;
        db.commit();
        return id;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read from " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void write(Changes changes) {
    hold.await();
    try {
      for (Changes.Change c : changes.list()) {
        if (c.id().isEmpty()) {
          execute("DELETE FROM documents WHERE collection = ?", c.collection());
          execute("DELETE FROM highest_ids WHERE collection = ?", c.collection());
        } else if (c.document().isEmpty()) {
          execute("DELETE FROM documents WHERE collection = ? AND id = ?", c.collection(), c.id().get());
        } else {
          execute("INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)"
                  + " ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body",
              c.collection(), c.id().get(), JSON.writeValueAsString(c.document().get()));
          if (c.id().get().matches("\\d{1,18}")) {
            execute("INSERT INTO highest_ids (collection, id) VALUES (?, ?)"
                    + " ON CONFLICT (collection) DO UPDATE SET id = max(id, excluded.id)",
                c.collection(), Long.parseLong(c.id().get()));
          }
        }
      }
      db.commit();
      unsynced = !syncEachCommit;
    } catch (SQLException | JsonProcessingException e) {
      try {
        db.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException("cannot write to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Holds every write until {@link #release}, {@code longest} at most: a snapshot's cut. */
  void hold(Duration longest) {
    hold.hold(longest);
  }

  void release() {
    hold.release();
  }

  /** Writes a consistent copy of the resources to {@code target} (see {@link Sqlite#copy}). */
  synchronized void copyTo(Path target) throws SQLException, IOException {
    Sqlite.copy(db, target);
  }

  /** Forces what was committed since the last sync onto the disk (a journal checkpoint syncs the journal first). */
  synchronized void sync() throws SQLException {
    if (unsynced) {
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
      } finally {
        db.setAutoCommit(false);
      }
      unsynced = false;
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    if (!db.isClosed()) {
      sync();
      db.close();
    }
  }

  private void execute(String sql, Object... args) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }
}
