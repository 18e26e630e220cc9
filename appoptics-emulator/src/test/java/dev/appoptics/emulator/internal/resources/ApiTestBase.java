package dev.appoptics.emulator.internal.resources;

import dev.appoptics.emulator.ServiceSeed;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One emulator per test class over a real socket, emptied before every test, with two seeded services: 1 "ops
 * mail" and 2 "ops slack".
 */
abstract class ApiTestBase {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(
          b ->
              b.service(new ServiceSeed("mail", "ops mail", Map.of("addresses", "ops@example.com")))
                  .service(new ServiceSeed("slack", "ops slack", Map.of("url", "https://hooks.example.com/x"))));

  protected static final Api api = new HttpApi(EMULATOR::emulator);
}
