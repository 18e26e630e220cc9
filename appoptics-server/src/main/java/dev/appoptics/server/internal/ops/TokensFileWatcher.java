package dev.appoptics.server.internal.ops;

import dev.appoptics.emulator.TokenRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-reads a tokens file when it changes (its modification time or size, checked every {@code every}) or when asked
 * ({@link #reload}, on SIGHUP), and hands the new tokens over. A file that cannot be read or parsed keeps the tokens
 * in force and is reported; so is each successful reload. Thread-safe.
 */
public final class TokensFileWatcher implements AutoCloseable {
  private final Path file;
  private final Consumer<Map<String, TokenRole>> apply;
  private final Consumer<String> report;
  private final ScheduledExecutorService timer;
  private Object seen;

  /** Starts watching; the file was read once already (its tokens are in force). */
  public TokensFileWatcher(
      Path file, Duration every, Consumer<Map<String, TokenRole>> apply, Consumer<String> report) {
    this.file = file;
    this.apply = apply;
    this.report = report;
    this.seen = stamp();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "appoptics-tokens-file");
      t.setDaemon(true);
      return t;
    });
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Reads the file now and applies its tokens; on failure keeps the tokens in force. */
  public synchronized void reload() {
    seen = stamp();
    try {
      Map<String, TokenRole> tokens = TokensFile.read(file);
      apply.accept(tokens);
      report.accept("reloaded " + tokens.size() + " token" + (tokens.size() == 1 ? "" : "s") + " from " + file);
    } catch (RuntimeException e) {
      report.accept("error: kept the tokens in force: " + e.getMessage());
    }
  }

  private synchronized void reloadIfChanged() {
    if (!Objects.equals(stamp(), seen)) {
      reload();
    }
  }

  /** What tells a changed file: modification time and size (null when it cannot be read). */
  private Object stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.lastModifiedTime() + "/" + a.size() + "/" + a.fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
