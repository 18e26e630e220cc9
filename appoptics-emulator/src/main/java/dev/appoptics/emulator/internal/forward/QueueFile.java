package dev.appoptics.emulator.internal.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of the disk queue, read and written at positions from any thread. A {@link FileChannel} closes for every
 * user when a thread is interrupted in the middle of an operation on it (servers interrupt request threads on
 * shutdown), so each operation runs with the caller's interrupt status set aside and reopens the channel if
 * another thread's interrupt closed it. Closing it on purpose ({@link #close}) is final.
 */
final class QueueFile {
  private final Path path;
  private volatile FileChannel channel;
  private volatile boolean closed;

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
    channel.close();
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
