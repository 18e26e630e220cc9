package dev.appoptics.server.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens the store's SQLite databases the one way they are used: write-ahead journal, explicit transactions. */
final class Sqlite {
  private Sqlite() {}

  /**
   * Opens {@code file}, creating it when missing. {@code syncEachCommit}: {@code synchronous=FULL}, each commit
   * forced to disk; otherwise {@code NORMAL}, where a commit reaches the operating system (a killed process loses
   * nothing) and the disk at the next journal checkpoint.
   */
  static Connection open(Path file, boolean syncEachCommit, String... schema) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=" + (syncEachCommit ? "FULL" : "NORMAL"));
      s.execute("PRAGMA busy_timeout=10000");
      for (String statement : schema) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    c.setAutoCommit(false);
    return c;
  }

  /**
   * Writes a consistent copy of the database open on {@code c} (opened by {@link #open}) to {@code target}, a file
   * that must not exist yet, with {@code VACUUM INTO}, and forces it to disk (which {@code VACUUM INTO} does not).
   * Writers on other connections go on meanwhile; the copy is the database as of its start.
   */
  static void copy(Connection c, Path target) throws SQLException, IOException {
    c.setAutoCommit(true);
    try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, target.toAbsolutePath().toString());
      vacuum.execute();
    } catch (SQLException e) {
      throw new SQLException("cannot write " + target + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
    } finally {
      c.setAutoCommit(false);
    }
    try (FileChannel file = FileChannel.open(target, StandardOpenOption.READ)) {
      file.force(true);
    }
  }
}
