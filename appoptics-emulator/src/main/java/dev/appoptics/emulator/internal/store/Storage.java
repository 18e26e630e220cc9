package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.ops.MetricsSource;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Everything an emulator keeps: its measurements and its resources, opened together and closed together, and the
 * figures they report on {@code GET /metrics}. Without a data directory this is {@link MemoryStorage}; with one, the
 * durable storage of the server module ({@code dev.appoptics:appoptics-server}), found through {@link
 * StorageProvider}.
 *
 * <p>Life cycle: {@link #open} loads what was kept (the resource areas then load their collections), {@link #start}
 * begins the background work once the API is assembled, {@link #close} syncs and releases everything.
 */
public interface Storage extends MetricsSource, AutoCloseable {
  /** The artifact that brings durable storage. */
  String SERVER_ARTIFACT = "dev.appoptics:appoptics-server";

  MeasurementStore measurements();

  ResourceStore resources();

  /** Starts the background work: syncing, checkpoints, retention. */
  void start();

  /** Forces everything accepted so far onto the disk (nothing to do in memory). */
  void sync();

  /** Snapshots of what is stored, taken while it runs; empty in memory, where there is nothing to copy. */
  default Optional<StoreSnapshots> snapshots() {
    return Optional.empty();
  }

  /** Stops the background work, syncs and releases files; idempotent. */
  @Override
  void close();

  /** The storage {@code settings} ask for: in memory, or durable in their data directory. */
  static Storage open(EmulatorSettings settings) {
    if (settings.dataDirectory().isEmpty()) {
      return new MemoryStorage(settings);
    }
    Iterator<StorageProvider> providers = ServiceLoader.load(StorageProvider.class).iterator();
    if (!providers.hasNext()) {
      throw new IllegalStateException("a data directory (" + settings.dataDirectory().get()
          + ") needs durable storage, which the artifact " + SERVER_ARTIFACT
          + " provides; add it to the class path, or leave the data directory out for an in-memory emulator");
    }
    return providers.next().open(settings);
  }
}
