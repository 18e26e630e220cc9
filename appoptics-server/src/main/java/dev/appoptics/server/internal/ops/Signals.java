package dev.appoptics.server.internal.ops;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Handles operating-system signals (SIGTERM, SIGINT, SIGHUP) through the JDK's {@code sun.misc.Signal} in the
 * {@code jdk.unsupported} module, looked up reflectively so that a runtime without it merely lacks the handler.
 * A handled SIGTERM does not start the JVM's shutdown, so the server can drain and then exit with status 0.
 */
public final class Signals {
  private Signals() {}

  /**
   * Runs {@code action} on the JDK's signal thread when {@code name} ({@code TERM}, {@code INT}, {@code HUP}) arrives;
   * false when the signal cannot be handled here (another platform, or a JVM started with {@code -Xrs}).
   */
  public static boolean handle(String name, Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Constructor<?> signal = signalClass.getConstructor(String.class);
      Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              action.run();
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "signal handler for " + name;
            };
          });
      Method install = signalClass.getMethod("handle", signalClass, handlerClass);
      install.invoke(null, signal.newInstance(name), handler);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
