package dev.appoptics.metrics;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class (cleared before each test) and {@link AppOptics} clients connected to it, each closed
 * after the test that opened it. Registered on a static field; the client is usually an instance field, which JUnit
 * creates per test once the emulator runs:
 *
 * <pre>{@code
 * @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create();
 *
 * private final AppOptics api = EMULATOR.connect();
 * }</pre>
 */
final class ConnectedEmulator implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private final AppOpticsEmulatorExtension emulator;
  private final List<AppOptics> clients = new ArrayList<>();

  private ConnectedEmulator(AppOpticsEmulatorExtension emulator) {
    this.emulator = emulator;
  }

  /** An emulator with the defaults. */
  static ConnectedEmulator create() {
    return create(b -> {});
  }

  /** An emulator configured by {@code customizer}. */
  static ConnectedEmulator create(Consumer<AppOpticsEmulator.Builder> customizer) {
    return new ConnectedEmulator(AppOpticsEmulatorExtension.create(customizer));
  }

  /** A client on the emulator with token {@code test-token}, closed after the current test. */
  AppOptics connect() {
    return connect(b -> b);
  }

  /** Like {@link #connect()}, with {@code customizer} applied to the client's builder last. */
  AppOptics connect(UnaryOperator<AppOptics.Builder> customizer) {
    AppOptics client = customizer.apply(AppOptics.builder().token("test-token").baseUri(baseUri())).build();
    clients.add(client);
    return client;
  }

  /** The running emulator. */
  AppOpticsEmulator emulator() {
    return emulator.emulator();
  }

  /** The running emulator's API root. */
  URI baseUri() {
    return emulator.baseUri();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator.beforeAll(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator.beforeEach(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(AppOptics::close);
    clients.clear();
    emulator.afterEach(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.afterAll(context);
  }
}
