package dev.appoptics.cli;

import dev.appoptics.cli.internal.Durations;
import dev.appoptics.emulator.AppOpticsEmulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "emulator",
    description = {
      "Run the local API emulator in the foreground until Ctrl-C.",
      "The first line of output is 'listening on http://HOST:PORT/v1/'; point clients (or --endpoint) there."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics emulator --port 8080",
      "  appoptics emulator --port 8080 --bind 0.0.0.0 --token secret --token viewer-token --log",
      "  appoptics emulator --port 0        # any free port; read it from the first line",
      "  appoptics emulator --forward-prometheus http://127.0.0.1:9090/api/v1/write",
      "  appoptics emulator --alert-interval 10s   # evaluate alerts every 10 seconds",
      "  appoptics emulator --annotation-events-as-list --unique-space-names   # as the reference documents"
    })
final class EmulatorCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--token", paramLabel = "T", description = "Accept only this token (repeatable), and the active tokens made through /v1/api_tokens; by default any non-empty token is accepted.")
  List<String> tokens = new ArrayList<>();

  @Option(names = "--past-limit", paramLabel = "DURATION", defaultValue = "2h", description = "How old a measurement may be (default: ${DEFAULT-VALUE}).")
  String pastLimit;

  @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s", description = "How long a request may take to send its headers; past it 408 and the connection closes (default: ${DEFAULT-VALUE}).")
  String headerTimeout;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "30s", description = "How long a connection may stay silent before it is closed (default: ${DEFAULT-VALUE}).")
  String idleTimeout;

  @Option(names = "--alert-interval", paramLabel = "DURATION", defaultValue = "60s",
      description = "Time between two evaluations of every alert; 0 turns evaluation off (default: ${DEFAULT-VALUE}).")
  String alertInterval;

  @Option(names = "--log", description = "Print one line per request (method, path, status, size, time) and per alert"
      + " notification attempt.")
  boolean log;

  @Option(names = "--annotation-events-as-list",
      description = "Group a stream's events as [{source:[...]}], the documented form the Go client decodes"
          + " (default: {source:[...]}, as the live service answers).")
  boolean annotationEventsAsList;

  @Option(names = "--unique-space-names",
      description = "Refuse a space name already taken with 422 (default: names are not unique, as on the live service).")
  boolean uniqueSpaceNames;

  @Mixin ForwardingOptions forwarding;

  EmulatorCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    PrintWriter out = cli.out();
    Duration interval = alertInterval(alertInterval);
    AppOpticsEmulator.Builder builder =
        AppOpticsEmulator.builder()
            .alertInterval(interval)
            .port(port)
            .bindAddress(bind)
            .pastLimit(Duration.ofSeconds(Durations.seconds(pastLimit)))
            .headerTimeout(Duration.ofSeconds(Durations.seconds(headerTimeout)))
            .idleTimeout(Duration.ofSeconds(Durations.seconds(idleTimeout)))
            .annotationEventsAsList(annotationEventsAsList)
            .uniqueSpaceNames(uniqueSpaceNames);
    builder.tokens(tokens.toArray(String[]::new));
    forwarding.applyTo(builder);
    if (log) {
      builder.requestLog(line -> {
        synchronized (out) {
          out.println(line);
          out.flush();
        }
      });
    }
    AppOpticsEmulator emulator;
    try {
      emulator = builder.start();
    } catch (RuntimeException e) {
      String hint = String.valueOf(e.getMessage()).startsWith("cannot listen") ? "pick another --port or --bind address" : "";
      throw new CliFailure(ExitCodes.FAILURE, e.getMessage(), hint, e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stop(emulator, stopped), "appoptics-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    synchronized (out) {
      out.println("listening on " + emulator.baseUri());
      out.println("console at " + emulator.consoleUri());
      out.println(tokens.isEmpty() ? "accepting any non-empty token" : "accepting tokens: " + String.join(", ", tokens));
      out.println("press Ctrl-C to stop");
      out.flush();
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // stopped from inside the process (tests, embedding): shut down as Ctrl-C would
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(emulator, stopped);
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /** The value of {@code --alert-interval}: a duration such as {@code 60s} or {@code 5m}, or {@code 0} for off. */
  static Duration alertInterval(String text) {
    if (text.strip().equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Duration.ofSeconds(Durations.seconds(text));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--alert-interval " + e.getMessage(), "");
    }
  }

  private void stop(AppOpticsEmulator emulator, CountDownLatch stopped) {
    emulator.close();
    PrintWriter out = cli.out();
    synchronized (out) {
      out.println("stopped");
      out.flush();
    }
    stopped.countDown();
  }
}
