package dev.appoptics.emulator.internal.http;

/**
 * One area of the API (measurements, metrics, spaces, …): it owns its state, registers its routes and can forget
 * everything it stored.
 */
public interface ApiModule {
  void register(Router router);

  /** Forgets everything stored, as if the emulator had just started (seeded configuration is kept). */
  void clear();

  /** Stops whatever the module runs in the background (threads, schedules); called once, when the emulator stops. */
  default void close() {}
}
