package dev.appoptics.emulator.internal.ops;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import dev.appoptics.emulator.internal.store.Storage;
import dev.appoptics.emulator.internal.store.StoreSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshots of a durable server's data, admin routes outside the API (only an admin token may call them):
 *
 * <ul>
 *   <li>{@code POST /admin/snapshots}: takes one into {@code DATA_DIR/snapshots/NAME}; 201 with its name, time,
 *       directory and size; 507 when the disk has no room for it, 500 for any other failure, and then nothing of it
 *       is left.
 *   <li>{@code GET /admin/snapshots}: the snapshots kept, oldest first.
 *   <li>{@code DELETE /admin/snapshots/NAME}: 204, or 404 when there is no such snapshot.
 * </ul>
 *
 * An emulator without a data directory has nothing to snapshot: every route answers 404 saying so.
 */
public final class SnapshotsEndpoint implements ApiModule {
  private static final String IN_MEMORY = "This server keeps its data in memory: there is nothing to snapshot."
      + " Snapshots need a data directory (appoptics server --data-dir DIR)";

  private final Storage storage;

  public SnapshotsEndpoint(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void register(Router router) {
    router.addAdmin("POST", "/admin/snapshots", request -> take());
    router.addAdmin("GET", "/admin/snapshots", request ->
        ApiResponse.json(200, Map.of("snapshots", snapshots().list().stream().map(SnapshotsEndpoint::json).toList())));
    router.addAdmin("DELETE", "/admin/snapshots/{name}", request -> {
      String name = request.path("name");
      if (!snapshots().delete(name)) {
        throw ApiError.notFound("No snapshot named " + name);
      }
      return ApiResponse.empty(204);
    });
  }

  private ApiResponse take() {
    StoreSnapshots.Taken taken;
    try {
      taken = snapshots().take();
    } catch (StoreSnapshots.Failure e) {
      throw ApiError.system(e.diskFull() ? 507 : 500, e.getMessage());
    }
    try {
      return ApiResponse.json(201, json(taken.snapshot())).whenSent(taken::release);
    } catch (RuntimeException | Error e) {
      taken.release();
      throw e;
    }
  }

  private StoreSnapshots snapshots() {
    return storage.snapshots().orElseThrow(() -> ApiError.notFound(IN_MEMORY));
  }

  private static Map<String, Object> json(StoreSnapshots.Snapshot s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", s.name());
    out.put("created_at", s.createdAt().toString());
    out.put("path", s.directory().toAbsolutePath().toString());
    out.put("bytes", s.bytes());
    return out;
  }

  @Override
  public void clear() {
    // snapshots are copies kept apart from the data; clearing the data leaves them
  }
}
