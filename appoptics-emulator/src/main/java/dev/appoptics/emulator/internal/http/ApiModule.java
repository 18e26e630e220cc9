package dev.appoptics.emulator.internal.http;

/**
 * One area of the emulator (measurements, metrics, spaces, …, or something outside the API such as a health check
 * or a web console): it owns its state, registers its routes and can forget everything it stored. API routes go
 * under {@code /v1/} with {@link Router#add}; routes that need no token, rate limit or faults go outside it with
 * {@link Router#addPublic}, and a server's operations for admin tokens only with {@link Router#addAdmin}. Modules are
 * listed in {@code internal.EmulatorModules}.
 */
public interface ApiModule {
  void register(Router router);

  /** Forgets everything stored, as if the emulator had just started (seeded configuration is kept). */
  void clear();

  /** Stops whatever the module runs in the background (threads, schedules); called once, when the emulator stops. */
  default void close() {}
}
