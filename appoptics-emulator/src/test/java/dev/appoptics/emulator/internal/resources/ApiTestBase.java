package dev.appoptics.emulator.internal.resources;

import dev.appoptics.emulator.ServiceSeed;
import dev.appoptics.emulator.internal.resources.alerts.AlertsModule;
import dev.appoptics.emulator.internal.resources.services.ServicesModule;
import dev.appoptics.emulator.internal.resources.spaces.SpacesModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** One emulator for the test class, emptied before every test; two seeded services (ids 1 and 2). */
abstract class ApiTestBase {
  static final List<ServiceSeed> SEEDS =
      List.of(
          new ServiceSeed("mail", "ops mail", Map.of("addresses", "ops@example.com")),
          new ServiceSeed("slack", "ops slack", Map.of("url", "https://hooks.example.com/x")));

  protected static final Api api = createApi();

  private static Api createApi() {
    ServicesModule services = new ServicesModule(SEEDS);
    return new InProcessApi(List.of(services, new AlertsModule(services), new SpacesModule()));
  }

  @BeforeEach
  void resetEmulator() {
    api.reset();
  }
}
