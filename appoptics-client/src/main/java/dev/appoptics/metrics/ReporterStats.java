package dev.appoptics.metrics;

/**
 * A snapshot of a {@link Reporter}'s health; every counter is cumulative since the reporter was built. Once the
 * reporter is closed, {@code accepted == sent + failed + spooled-not-yet-replayed} and nothing is buffered.
 *
 * @param accepted measurements {@code add} took
 * @param sent measurements the API acknowledged (re-sent spooled batches included)
 * @param retried requests sent again after a failed attempt
 * @param dropped measurements refused because the buffer was full ({@link OverflowPolicy#DROP}), or evicted from a
 *     full spool
 * @param failedRequests batches whose every attempt failed (then spooled, or lost if they could not be)
 * @param failed measurements lost for good: refused by the API as invalid, or failed with no spool to keep them
 * @param spooled measurements left in the spool for later: after failing, or (spool first) while every sender was
 *     busy
 * @param buffered measurements waiting in the buffer now (spool first: in the batch being cut)
 * @param possibleDuplicates batches sent again after an attempt that got no answer (a timeout or a dropped
 *     connection once the request was written), in this run or an earlier one: each may be stored twice. Only
 *     under at-least-once delivery; see {@code docs/reliability.md}
 */
public record ReporterStats(long accepted, long sent, long retried, long dropped, long failedRequests, long failed,
    long spooled, long buffered, long possibleDuplicates) {}
