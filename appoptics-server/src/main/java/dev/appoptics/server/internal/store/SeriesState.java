package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.store.Series;
import java.util.Optional;

/**
 * What the durable store tracks for one series besides its buckets: the log position of the last batch applied to
 * it and how many of that batch's samples for it were applied so far, the range of sample times written since the
 * last checkpoint saved it, what the last checkpoint saved, and the log segment that last named it.
 *
 * <p>A checkpoint copies a series between two samples of one batch when that batch holds several for it (writers
 * release the series between samples), so "saved up to position P" alone would not say which of P's samples the copy
 * holds: the count does, and replay applies the rest.
 */
final class SeriesState {
  final Series series;
  /** The checkpoint holds every batch before this position, and {@link #savedSamples} of the batch at it. */
  final long savedPosition;
  final long savedSamples;
  /** During replay: samples of the batch at {@link #savedPosition} seen so far. */
  private long replayedAtSaved;
  // Guarded by the series' monitor:
  private long position;
  private long samplesAtPosition;
  private long changedFrom = Long.MAX_VALUE;
  private long changedTo = Long.MIN_VALUE;
  /** Guarded by the store's write lock. */
  long namedInSegment = -1;

  SeriesState(Series series, long savedPosition, long savedSamples) {
    this.series = series;
    this.savedPosition = savedPosition;
    this.savedSamples = savedSamples;
    this.position = savedPosition;
    this.samplesAtPosition = savedSamples;
  }

  /** A series no checkpoint has saved. */
  SeriesState(Series series) {
    this(series, Long.MIN_VALUE, 0);
  }

  /** Whether replay must apply this sample of the batch at {@code at}, or the checkpoint already holds it. */
  boolean replays(long at) {
    if (at != savedPosition) {
      return at > savedPosition;
    }
    return ++replayedAtSaved > savedSamples;
  }

  /** Records that the batch at {@code at} wrote a sample at {@code time}; call holding the series' monitor. */
  void applied(long at, long time) {
    if (at == position) {
      samplesAtPosition++;
    } else {
      position = at;
      samplesAtPosition = 1;
    }
    changedFrom = Math.min(changedFrom, time);
    changedTo = Math.max(changedTo, time);
  }

  /**
   * The changes since the last call, and forgets them: empty when there were none. Call holding the series'
   * monitor, so that the buckets copied at the same time match the position and count.
   */
  Optional<Changed> takeChanged() {
    if (changedFrom > changedTo) {
      return Optional.empty();
    }
    Changed c = new Changed(changedFrom, changedTo, position, samplesAtPosition);
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

  /**
   * Sample times {@code [from, to]} were written, up to the {@code samples}-th sample for this series of the batch
   * at {@code position}.
   */
  record Changed(long from, long to, long position, long samples) {}
}
