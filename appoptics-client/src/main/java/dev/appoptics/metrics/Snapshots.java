package dev.appoptics.metrics;

/** The snapshots area: chart images rendered by a background job. */
final class Snapshots {
  private static final String ROOT = "snapshots";

  private final Rest rest;

  Snapshots(Rest rest) {
    this.rest = rest;
  }

  Snapshot create(Snapshot snapshot) {
    Check.notNull("snapshot", snapshot);
    return SnapshotCodec.snapshot(rest.post(ROOT, SnapshotCodec.toJson(snapshot)));
  }

  Snapshot get(long id) {
    return SnapshotCodec.snapshot(rest.get(Rest.path(ROOT, id), Query.create()));
  }
}
