package dev.appoptics.emulator.internal.forward;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of the disk queue, read at positions from any thread and appended to under the queue's lock. A {@link
 * FileChannel} closes for every user when a thread is interrupted in the middle of an operation on it (servers
 * interrupt request threads on shutdown), so each operation on it runs with the caller's interrupt status set aside
 * and reopens the channel if another thread's interrupt closed it; appends use a stream, which interrupts do not
 * affect. Closing it on purpose ({@link #close}) is final.
 */
final class QueueFile {
  private final Path path;
  private volatile FileChannel channel;
  private volatile boolean closed;
  /** Opened by the first {@link #append}; used under the queue's lock only. */
  private FileOutputStream appender;

  QueueFile(Path path) throws IOException {
    this.path = path;
    this.channel = open();
  }

  Path path() {
    return path;
  }

  long size() throws IOException {
    return run(ch -> ch.size());
  }

  /** Fills {@code b} from {@code pos} and flips it; fails at the end of the file. */
  void readFully(ByteBuffer b, long pos) throws IOException {
    run(ch -> {
      b.clear();
      while (b.hasRemaining()) {
        if (ch.read(b, pos + b.position()) < 0) {
          throw new IOException("unexpected end of " + path + " at " + (pos + b.position()));
        }
      }
      b.flip();
      return null;
    });
  }

  void writeFully(ByteBuffer b, long pos) throws IOException {
    run(ch -> {
      b.rewind();
      while (b.hasRemaining()) {
        ch.write(b, pos + b.position());
      }
      return null;
    });
  }

  /**
   * Writes {@code b} at the end of the file, which must be {@code size} bytes long. Appends go through a stream
   * opened for appending: one write each, which no interrupt can cut short. If one fails part way, the file is cut
   * back to {@code size}, so that the next append starts where it should.
   */
  void append(byte[] b, long size) throws IOException {
    if (appender == null) {
      appender = new FileOutputStream(path.toFile(), true);
    }
    try {
      appender.write(b);
    } catch (IOException e) {
      try {
        truncate(size);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  void truncate(long size) throws IOException {
    run(ch -> ch.truncate(size));
  }

  void force() throws IOException {
    run(ch -> {
      ch.force(false);
      return null;
    });
  }

  void close() throws IOException {
    closed = true;
    try (FileOutputStream a = appender) {
      channel.close();
    }
  }

  private interface Op<T> {
    T apply(FileChannel ch) throws IOException;
  }

  private <T> T run(Op<T> op) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      for (int attempt = 0; ; attempt++) {
        FileChannel ch = channel;
        try {
          return op.apply(ch);
        } catch (ClosedChannelException e) {
          Thread.interrupted();
          if (closed || attempt >= 3) {
            throw e;
          }
          reopen(ch);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized void reopen(FileChannel broken) throws IOException {
    if (channel == broken && !closed) {
      channel = open();
    }
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }
}
