package dev.appoptics.server.internal.store;

/** Bytes read back from the data directory that do not decode: damaged on disk, or not written by this store. */
final class CorruptDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CorruptDataException(String message) {
    super(message);
  }
}
