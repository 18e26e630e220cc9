package dev.appoptics.cli;

import dev.appoptics.cli.internal.Durations;
import dev.appoptics.emulator.RequestLogFormat;
import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.SyncPolicy;
import dev.appoptics.server.AppOpticsServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "server",
    sortOptions = false,
    subcommands = ServerSnapshotCommand.class,
    description = {
      "Run a self-hosted AppOptics API server in the foreground: the API of 'appoptics emulator' over durable",
      "storage in --data-dir, with authentication from configured tokens, GET /health and GET /metrics, and a",
      "graceful stop on SIGTERM: it stops accepting, finishes the requests in flight, syncs, and exits 0.",
      "SIGHUP re-reads --tokens-file.",
      "The first line of output is 'listening on http://HOST:PORT/v1/'; point clients there.",
      "On an address other than loopback it refuses to start without --token or --tokens-file (exit 2),"
          + " unless --insecure."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  appoptics server --data-dir /var/lib/appoptics --tokens-file /etc/appoptics/tokens --bind 0.0.0.0",
      "  appoptics server --data-dir data --token secret --request-log",
      "  appoptics server --data-dir data --sync before-answer --retention raw=7d,1m=90d",
      "  appoptics server --data-dir data --token t --forward-prometheus http://127.0.0.1:9090/api/v1/write",
      "  appoptics server --data-dir data --port 0     # any free port; read it from the first line",
      "  appoptics server snapshot create --token secret   # a consistent copy of a running server's data",
      "",
      "Tokens file: one token per line; blank lines and lines starting with # are skipped, and a token may be",
      "followed by a # comment. It is re-read when it changes (within seconds) and on SIGHUP.",
      "See docs/server.md for the operator's guide."
    })
final class ServerCommand implements Callable<Integer> {
  private final Cli cli;

  // Required, but checked when the server runs: picocli would also ask for it before 'server snapshot …'.
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where everything is kept (created when missing; required); one server per directory.")
  Path dataDir;

  @Option(names = "--sync", paramLabel = "POLICY", defaultValue = "1s",
      description = "When accepted data is forced onto the disk: every DURATION, or before-answer (each 2xx waits"
          + " for its sync). Killing the process loses nothing either way; a host crash may lose the last"
          + " interval (default: ${DEFAULT-VALUE}).")
  String sync;

  @Option(names = "--retention", paramLabel = "RES=DURATION,...",
      defaultValue = "raw=2d,1m=32d,15m=32d,1h=558d",
      description = "How long each resolution of measurements is kept: raw, 1m, 15m, 1h, each a duration or"
          + " forever; those left out keep the default (default: ${DEFAULT-VALUE}, as AppOptics kept them).")
  String retention;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--token", paramLabel = "T",
      description = "A token that may do everything (repeatable). Tokens made through /v1/api_tokens also"
          + " authenticate, within their role; any other token gets 401.")
  List<String> tokens = new ArrayList<>();

  @Option(names = "--tokens-file", paramLabel = "FILE",
      description = "A file of tokens, one per line, each optionally followed by its role: admin (the default),"
          + " recorder or viewer (# comments); re-read on change and on SIGHUP.")
  Path tokensFile;

  @Option(names = "--insecure",
      description = "Allow listening beyond loopback with no --token or --tokens-file: any token is accepted.")
  boolean insecure;

  @Option(names = "--shutdown-grace", paramLabel = "DURATION", defaultValue = "20s",
      description = "On SIGTERM, how long requests in flight may take to finish before the store is synced and the"
          + " connections closed; keep it below your supervisor's stop timeout (default: ${DEFAULT-VALUE}).")
  String shutdownGrace;

  @Option(names = "--shutdown-delay", paramLabel = "DURATION",
      description = "On SIGTERM, how long to go on serving with /health answering 503 before it stops accepting, so"
          + " that a load balancer takes it out first (default: none).")
  String shutdownDelay;

  @Option(names = "--request-log",
      description = "Write one line per request (and per alert delivery attempt) to standard error.")
  boolean requestLog;

  @Option(names = "--request-log-file", paramLabel = "FILE",
      description = "Append one line per request to FILE instead (implies --request-log).")
  Path requestLogFile;

  @Option(names = "--request-log-format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (one object per line: time, method, path, route, status, bytes, duration_ms, remote,"
          + " user_agent) or text (default: ${DEFAULT-VALUE}).")
  RequestLogFormat requestLogFormat;

  @Option(names = "--alert-interval", paramLabel = "DURATION", defaultValue = "60s",
      description = "Time between two evaluations of every alert; 0 turns evaluation off (default: ${DEFAULT-VALUE}).")
  String alertInterval;

  @Mixin ForwardingOptions forwarding;

  @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "How long a request may take to send its headers; past it 408 (default: ${DEFAULT-VALUE}).")
  String headerTimeout;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "How long a connection may stay silent before it is closed (default: ${DEFAULT-VALUE}).")
  String idleTimeout;

  @Option(names = "--past-limit", paramLabel = "DURATION", defaultValue = "2h",
      description = "How old a measurement may be when it arrives (default: ${DEFAULT-VALUE}).")
  String pastLimit;

  @Option(names = "--max-series", paramLabel = "N", defaultValue = "100000",
      description = "Most series (metric and tag set) stored; past it a payload gets 403 (default: ${DEFAULT-VALUE}).")
  int maxSeries;

  @Option(names = "--max-points", paramLabel = "N", defaultValue = "5000000",
      description = "Most 1-second points stored over all series; past it a payload gets 403"
          + " (default: ${DEFAULT-VALUE}).")
  long maxPoints;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads answering requests (default: twice the processors, at least 4).")
  Integer threads;

  ServerCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (dataDir == null) {
      throw CliFailure.usage("Missing required option: '--data-dir=DIR'", "run 'appoptics server --help' for usage");
    }
    SyncPolicy syncPolicy = setting("--sync", () -> SyncPolicy.parse(sync));
    Retention kept = setting("--retention", () -> Retention.parse(retention));
    Duration grace = duration("--shutdown-grace", shutdownGrace);
    Duration delay = shutdownDelay == null ? Duration.ZERO : duration("--shutdown-delay", shutdownDelay);
    Duration alerts = EmulatorCommand.alertInterval(alertInterval);
    Duration headers = duration("--header-timeout", headerTimeout);
    Duration idle = duration("--idle-timeout", idleTimeout);
    Duration past = duration("--past-limit", pastLimit);
    if (forwarding.queueDir == null && (forwarding.prometheus != null || forwarding.otlp != null)) {
      // a server keeps what it still has to forward across restarts, as it keeps everything else
      forwarding.queueDir = dataDir.resolve("forward-queue");
    }
    AppOpticsServer server;
    try {
      AppOpticsServer.Builder builder = AppOpticsServer.builder(dataDir)
          .syncPolicy(syncPolicy)
          .retention(kept)
          .port(port)
          .bindAddress(bind)
          .insecure(insecure)
          .shutdownGracePeriod(grace)
          .shutdownDelay(delay)
          .report(this::report)
          .emulator(e -> {
            e.headerTimeout(headers).idleTimeout(idle).pastLimit(past).maxSeries(maxSeries).maxPoints(maxPoints)
                .alertInterval(alerts);
            if (threads != null) {
              e.threads(threads);
            }
            forwarding.applyTo(e);
          });
      requestLog(builder);
      tokens.forEach(builder::token);
      if (tokensFile != null) {
        builder.tokensFile(tokensFile);
      }
      server = builder.start();
    } catch (CliFailure e) {
      throw e;
    } catch (IllegalArgumentException e) { // ServerConfigurationException among them
      throw CliFailure.usage(e.getMessage(), "see 'appoptics server --help'");
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      throw new CliFailure(ExitCodes.FAILURE, message,
          message.startsWith("cannot listen") ? "pick another --port or --bind address" : "", e);
    }
    server.closeOnSignals();
    String root = server.baseUri().resolve("/").toString();
    print("listening on " + server.baseUri(),
        "console at " + server.consoleUri(),
        "data directory " + dataDir.toAbsolutePath() + " (sync " + syncPolicy + ", retention " + kept + ")",
        server.acceptsAnyToken()
            ? "accepting any token (no --token or --tokens-file given)"
            : "accepting the configured tokens and the active tokens made through /v1/api_tokens",
        "health: " + root + "health  metrics: " + root + "metrics",
        "send SIGTERM or press Ctrl-C to stop");
    server.awaitClose();
    print("stopped");
    return ExitCodes.OK;
  }

  private void requestLog(AppOpticsServer.Builder builder) {
    if (requestLogFile != null) {
      builder.requestLogFile(requestLogFile, requestLogFormat);
    } else if (requestLog) {
      builder.requestLog(this::report, requestLogFormat);
    }
  }

  /** A setting parsed from an option's text; a bad one is a usage error naming the option. */
  private static <T> T setting(String option, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(option + ": " + e.getMessage(), "see 'appoptics server --help'");
    }
  }

  private static Duration duration(String option, String text) {
    return setting(option, () -> Duration.ofSeconds(Durations.seconds(text)));
  }

  /** A line on standard error, whole, among those of concurrent requests. */
  private void report(String line) {
    PrintWriter err = cli.err();
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  private void print(String... lines) {
    PrintWriter out = cli.out();
    synchronized (out) {
      for (String line : lines) {
        out.println(line);
      }
      out.flush();
    }
  }
}
