package dev.appoptics.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone server: {@code java -cp … dev.appoptics.emulator.EmulatorMain --port 8080}.
 * Prints {@code listening on http://HOST:PORT/v1/} as its first line, then where the web console is, and stops cleanly on SIGINT/SIGTERM. See
 * {@link EmulatorOptions#usage()} for the options.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    AppOpticsEmulator emulator;
    try {
      emulator = start(System.out, args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(EmulatorOptions.usage());
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (emulator == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "appoptics-emulator-shutdown"));
    stopped.await();
  }

  /**
   * Parses {@code args}, starts the emulator and prints its first line to {@code out}; null when {@code --help}
   * printed the usage instead. Bad options throw {@link IllegalArgumentException}.
   */
  public static AppOpticsEmulator start(PrintStream out, String... args) {
    EmulatorOptions options = EmulatorOptions.parse(args);
    if (options.help()) {
      out.println(EmulatorOptions.usage());
      return null;
    }
    AppOpticsEmulator.Builder builder = options.applyTo(AppOpticsEmulator.builder());
    if (options.log()) {
      builder.requestLog(System.err::println);
    }
    AppOpticsEmulator emulator = builder.start();
    out.println("listening on " + emulator.baseUri());
    out.println("console at " + emulator.consoleUri());
    out.flush();
    return emulator;
  }
}
