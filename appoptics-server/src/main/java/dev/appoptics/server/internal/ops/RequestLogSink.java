package dev.appoptics.server.internal.ops;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Where request log lines go: a stream (standard error) or a file appended to, each line written whole and flushed,
 * so that a line is complete on disk when its answer leaves and lines of concurrent requests never interleave.
 */
public final class RequestLogSink implements Consumer<String>, AutoCloseable {
  private final Object lock = new Object();
  private final PrintStream stream;
  private final BufferedWriter file;

  private RequestLogSink(PrintStream stream, BufferedWriter file) {
    this.stream = stream;
    this.file = file;
  }

  public static RequestLogSink to(PrintStream stream) {
    return new RequestLogSink(stream, null);
  }

  /** Appends to {@code path}, created when missing. */
  public static RequestLogSink appendingTo(Path path) {
    try {
      return new RequestLogSink(null, Files.newBufferedWriter(path, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the request log " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void accept(String line) {
    synchronized (lock) {
      if (stream != null) {
        stream.println(line);
        stream.flush();
        return;
      }
      try {
        file.write(line);
        file.newLine();
        file.flush();
      } catch (IOException e) {
        // a full disk must not fail requests; the lost line is the price
      }
    }
  }

  @Override
  public void close() {
    if (file != null) {
      synchronized (lock) {
        try {
          file.close();
        } catch (IOException e) {
          // nothing left to write to
        }
      }
    }
  }
}
