package dev.appoptics.emulator.internal.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Consistent copies of a running durable storage ({@link Storage#snapshots()}), each a directory that a server can
 * be started on (once copied elsewhere): everything the storage held at the snapshot's cut, nothing after it.
 * Thread-safe.
 */
public interface StoreSnapshots {
  /**
   * Takes a snapshot. Writes are held from the snapshot's cut until {@link Taken#release()}, so that nothing is
   * answered as stored meanwhile that the snapshot does not hold: release once the answer saying the snapshot was
   * taken is sent.
   *
   * @throws Failure when it cannot be taken; nothing of it is left behind and no write is held
   */
  Taken take();

  /** The snapshots kept, oldest first. */
  List<Snapshot> list();

  /** Deletes the snapshot of that name; false when there is none. */
  boolean delete(String name);

  /**
   * A kept snapshot.
   *
   * @param name its name, which sorts by creation time
   * @param directory where it is
   * @param bytes the size of its files
   */
  record Snapshot(String name, Instant createdAt, Path directory, long bytes) {}

  /** A snapshot just taken, with writes held until {@link #release()}. */
  interface Taken {
    Snapshot snapshot();

    /** Lets the held writes go on; idempotent. */
    void release();
  }

  /** A snapshot could not be taken; {@link #diskFull()} when the disk had no room for it. */
  final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean diskFull;

    public Failure(String message, boolean diskFull, Throwable cause) {
      super(message, cause);
      this.diskFull = diskFull;
    }

    public boolean diskFull() {
      return diskFull;
    }
  }
}
