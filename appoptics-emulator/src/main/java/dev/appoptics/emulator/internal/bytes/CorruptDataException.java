package dev.appoptics.emulator.internal.bytes;

/** Bytes read back from disk that do not decode: damaged, or not written by this program. */
public final class CorruptDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CorruptDataException(String message) {
    super(message);
  }
}
