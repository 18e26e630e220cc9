package dev.appoptics.emulator.internal.store;

import dev.appoptics.emulator.internal.EmulatorSettings;

/**
 * Opens durable storage in a data directory; the server module registers its implementation for {@link
 * java.util.ServiceLoader} under {@code META-INF/services}.
 */
public interface StorageProvider {
  /**
   * Opens (creating when new) the storage in {@code settings.dataDirectory()}, recovering what it kept, with the
   * settings' sync policy, retention, clock and limits.
   */
  Storage open(EmulatorSettings settings);
}
