package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.store.Series;
import java.util.Optional;

/**
 * What the durable store tracks for one series besides its buckets: the log position of the last batch applied to
 * it, the range of sample times written since the last checkpoint saved it, the position the last checkpoint saved
 * it at, and the log segment that last named it.
 */
final class SeriesState {
  final Series series;
  /** Batches at or before this position are in the saved checkpoint (replay leaves them out). */
  final long savedPosition;
  // Guarded by the series' monitor:
  private long position;
  private long changedFrom = Long.MAX_VALUE;
  private long changedTo = Long.MIN_VALUE;
  /** Guarded by the store's write lock. */
  long namedInSegment = -1;

  SeriesState(Series series, long savedPosition) {
    this.series = series;
    this.savedPosition = savedPosition;
    this.position = savedPosition;
  }

  /** Records that the batch at {@code position} wrote a sample at {@code time}; call holding the series' monitor. */
  void applied(long position, long time) {
    this.position = position;
    changedFrom = Math.min(changedFrom, time);
    changedTo = Math.max(changedTo, time);
  }

  /**
   * The changes since the last call, and forgets them: empty when there were none. Call holding the series'
   * monitor, so that the buckets copied at the same time match the position.
   */
  Optional<Changed> takeChanged() {
    if (changedFrom > changedTo) {
      return Optional.empty();
    }
    Changed c = new Changed(changedFrom, changedTo, position);
    changedFrom = Long.MAX_VALUE;
    changedTo = Long.MIN_VALUE;
    return Optional.of(c);
  }

  /** Puts back changes a failed checkpoint took, so the next one saves them. */
  void restoreChanged(Changed c) {
    synchronized (series) {
      changedFrom = Math.min(changedFrom, c.from);
      changedTo = Math.max(changedTo, c.to);
    }
  }

  /** Sample times {@code [from, to]} were written, up to the batch at {@code position}. */
  record Changed(long from, long to, long position) {}
}
