package dev.appoptics.server.internal.store;

import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.store.Storage;
import dev.appoptics.emulator.internal.store.StorageProvider;

/** Durable storage for {@code AppOpticsEmulator.builder().dataDirectory(…)}, found through the ServiceLoader. */
public final class DurableStorageProvider implements StorageProvider {
  @Override
  public Storage open(EmulatorSettings settings) {
    return DurableStorage.open(settings, DurableStorage.Tuning.defaults());
  }
}
