package dev.appoptics.emulator.junit5;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.net.URI;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link AppOpticsEmulator}. Registered on a static field, one emulator serves the whole class and is
 * cleared before each test; on an instance field, each test gets a fresh one. Test and lifecycle methods may also
 * declare an {@code AppOpticsEmulator} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AppOpticsEmulatorExtension EMULATOR =
 *     AppOpticsEmulatorExtension.create(b -> b.tokens("secret"));
 *
 * @Test
 * void sends() {
 *   URI api = EMULATOR.baseUri();
 * }
 * }</pre>
 */
public final class AppOpticsEmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private final Consumer<AppOpticsEmulator.Builder> customizer;
  private AppOpticsEmulator emulator;
  private boolean perClass;

  private AppOpticsEmulatorExtension(Consumer<AppOpticsEmulator.Builder> customizer) {
    this.customizer = customizer;
  }

  /** An extension starting emulators with the defaults. */
  public static AppOpticsEmulatorExtension create() {
    return create(b -> {});
  }

  /** An extension starting emulators configured by {@code customizer}. */
  public static AppOpticsEmulatorExtension create(Consumer<AppOpticsEmulator.Builder> customizer) {
    return new AppOpticsEmulatorExtension(customizer);
  }

  /** The current emulator; only valid while a test (or a class, for a static field) runs. */
  public AppOpticsEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("no emulator is running outside of a test");
    }
    return emulator;
  }

  /** The current emulator's API root, {@code http://127.0.0.1:PORT/v1/}. */
  public URI baseUri() {
    return emulator().baseUri();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    emulator = startEmulator();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass && emulator != null) {
      emulator.clear();
    } else {
      emulator = startEmulator();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass && emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AppOpticsEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator();
  }

  private AppOpticsEmulator startEmulator() {
    AppOpticsEmulator.Builder builder = AppOpticsEmulator.builder();
    customizer.accept(builder);
    return builder.start();
  }
}
