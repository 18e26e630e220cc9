package dev.appoptics.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The standalone emulator's command-line options, parsed without any library so other entry points (the
 * {@code appoptics emulator} command) can reuse them. Immutable once parsed; {@link #applyTo} configures a builder.
 *
 * <pre>{@code
 * EmulatorOptions options = EmulatorOptions.parse("--port", "9000", "--token", "secret");
 * AppOpticsEmulator emulator = options.applyTo(AppOpticsEmulator.builder()).start();
 * }</pre>
 */
public final class EmulatorOptions {
  /** The port the standalone emulator listens on unless {@code --port} says otherwise. */
  public static final int DEFAULT_PORT = 8080;

  private static final String USAGE =
      String.join(
          "\n",
          "Usage: appoptics-emulator [options]",
          "  --port N               port to listen on (default 8080; 0 = any free port)",
          "  --bind ADDR            address to listen on (default 127.0.0.1)",
          "  --token T              accept this token (repeatable; default: any non-empty token)",
          "  --max-series N         most series stored (default 100000)",
          "  --max-metrics N        most metrics stored (default 100000)",
          "  --max-points N         most 1-second points stored (default 5000000)",
          "  --max-body-bytes N     largest request body (default 8388608)",
          "  --max-header-bytes N   largest request line plus headers (default 16384; past it 414 or 431)",
          "  --header-timeout S     seconds a request may take to send its headers (default 10)",
          "  --idle-timeout S       seconds a connection may stay silent before it is closed (default 30)",
          "  --past-limit S         oldest accepted measurement, seconds behind now (default 7200)",
          "  --future-limit S       newest accepted measurement, seconds ahead of now (default 600)",
          "  --latency-ms N         delay every request by N ms (see --latency-rate)",
          "  --latency-rate R       share 0..1 of requests delayed (default 1 when --latency-ms is set)",
          "  --fail-rate R          share 0..1 of requests answered with --fail-status",
          "  --fail-status S        status for --fail-rate (default 503)",
          "  --drop-rate R          share 0..1 of requests whose connection is closed without an answer",
          "  --seed N               seed for the shares above (default 42)",
          "  --rate-limit N/S       allow N requests per token every S seconds, then 429",
          "  --service TYPE:TITLE[:k=v,...]  a notification service known from the start (repeatable)",
          "  --lowercase-tag-values store tag values lower-cased",
          "  --alert-interval S     seconds between alert evaluations (default 60; 0 = never)",
          "  --annotation-events-as-list",
          "                         group a stream's events as [{source:[...]}], the documented form the Go",
          "                         client decodes (default: {source:[...]}, the live service's form)",
          "  --unique-space-names   refuse a space name already taken with 422 (default: names are not unique)",
          "  --job-duration-ms N    background jobs (snapshots) run N ms before they end (default 0)",
          "  --forward-prometheus URL  forward every accepted measurement to this remote-write URL",
          "  --forward-otlp URL     forward every accepted measurement to this OTLP/HTTP metrics URL",
          "  --forward-queue-dir DIR   keep the forwarding queues on disk here (default: in memory)",
          "  --forward-queue-max-bytes N  bound of each forwarding queue (default 1 GiB on disk, 64 MiB in memory)",
          "  --forward-when-full P  refuse (503 to new writes, the default) or drop-oldest (unforwarded data)",
          "  --forward-sync-each    force each accepted payload's queue record to disk before answering",
          "  --forward-header K=V   send this header with every forwarding request (repeatable)",
          "  --log                  print one line per request and per alert delivery attempt to standard error",
          "  --log-bodies           also print request and answer bodies",
          "  --help                 print this help");

  private final Map<String, List<String>> values;
  private final boolean help;

  private EmulatorOptions(Map<String, List<String>> values, boolean help) {
    this.values = values;
    this.help = help;
  }

  /** Parses and checks the options; an {@link IllegalArgumentException} names the bad option and value. */
  public static EmulatorOptions parse(String... args) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    boolean help = false;
    List<String> flags =
        List.of("--log", "--log-bodies", "--lowercase-tag-values", "--annotation-events-as-list",
            "--unique-space-names", "--forward-sync-each");
    List<String> withValue =
        List.of("--port", "--bind", "--token", "--max-series", "--max-metrics", "--max-points", "--max-body-bytes",
            "--max-header-bytes", "--header-timeout", "--idle-timeout", "--past-limit", "--future-limit",
            "--latency-ms", "--latency-rate", "--fail-rate", "--fail-status", "--drop-rate", "--seed", "--rate-limit",
            "--service", "--job-duration-ms", "--alert-interval", "--forward-prometheus", "--forward-otlp",
            "--forward-queue-dir", "--forward-queue-max-bytes", "--forward-when-full", "--forward-header");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        inline = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
      } else if (flags.contains(a)) {
        values.computeIfAbsent(a, k -> new ArrayList<>()).add("true");
      } else if (withValue.contains(a)) {
        String v = inline;
        if (v == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + a + " needs a value");
          }
          v = args[++i];
        }
        values.computeIfAbsent(a, k -> new ArrayList<>()).add(v);
      } else {
        throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    EmulatorOptions options = new EmulatorOptions(values, help);
    options.applyTo(AppOpticsEmulator.builder()); // checks every value now, not at start
    return options;
  }

  public static String usage() {
    return USAGE;
  }

  /** Whether {@code --help} was given. */
  public boolean help() {
    return help;
  }

  /** Whether {@code --log} was given. */
  public boolean log() {
    return values.containsKey("--log") || values.containsKey("--log-bodies");
  }

  public int port() {
    return values.containsKey("--port") ? intValue("--port", last("--port")) : DEFAULT_PORT;
  }

  /** Configures {@code builder} with these options (the port defaults to {@link #DEFAULT_PORT}). */
  public AppOpticsEmulator.Builder applyTo(AppOpticsEmulator.Builder builder) {
    int port = port();
    guard("--port", () -> builder.port(port));
    each("--bind", builder::bindAddress);
    each("--token", builder::tokens);
    each("--max-series", v -> builder.maxSeries(intValue("--max-series", v)));
    each("--max-metrics", v -> builder.maxMetrics(intValue("--max-metrics", v)));
    each("--max-points", v -> builder.maxPoints(longValue("--max-points", v)));
    each("--max-body-bytes", v -> builder.maxBodyBytes(intValue("--max-body-bytes", v)));
    each("--max-header-bytes", v -> builder.maxHeaderBytes(intValue("--max-header-bytes", v)));
    each("--header-timeout", v -> builder.headerTimeout(Duration.ofSeconds(longValue("--header-timeout", v))));
    each("--idle-timeout", v -> builder.idleTimeout(Duration.ofSeconds(longValue("--idle-timeout", v))));
    each("--past-limit", v -> builder.pastLimit(Duration.ofSeconds(longValue("--past-limit", v))));
    each("--future-limit", v -> builder.futureLimit(Duration.ofSeconds(longValue("--future-limit", v))));
    each("--service", v -> builder.service(service(v)));
    each("--rate-limit", v -> rateLimit(builder, v));
    each("--alert-interval", v -> builder.alertInterval(Duration.ofSeconds(longValue("--alert-interval", v))));
    if (values.containsKey("--lowercase-tag-values")) {
      builder.lowercaseTagValues(true);
    }
    if (values.containsKey("--log-bodies")) {
      builder.logBodies(true);
    }
    if (values.containsKey("--annotation-events-as-list")) {
      builder.annotationEventsAsList(true);
    }
    if (values.containsKey("--unique-space-names")) {
      builder.uniqueSpaceNames(true);
    }
    each("--job-duration-ms", v -> builder.jobDuration(Duration.ofMillis(longValue("--job-duration-ms", v))));
    applyForwarding(builder);
    Faults.Builder faults = Faults.builder();
    if (values.containsKey("--latency-ms")) {
      long ms = longValue("--latency-ms", last("--latency-ms"));
      double share = values.containsKey("--latency-rate") ? share("--latency-rate") : 1.0;
      guard("--latency-ms", () -> faults.latency(share, Duration.ofMillis(ms)));
    }
    if (values.containsKey("--fail-rate")) {
      int status = values.containsKey("--fail-status") ? intValue("--fail-status", last("--fail-status")) : 503;
      double share = share("--fail-rate");
      guard("--fail-status", () -> faults.errors(share, status));
    }
    if (values.containsKey("--drop-rate")) {
      double share = share("--drop-rate");
      faults.drops(share);
    }
    if (values.containsKey("--seed")) {
      faults.seed(longValue("--seed", last("--seed")));
    }
    builder.faults(faults.build());
    return builder;
  }

  private void applyForwarding(AppOpticsEmulator.Builder builder) {
    each("--forward-prometheus", v -> builder.forwardPrometheus(url("--forward-prometheus", v)));
    each("--forward-otlp", v -> builder.forwardOtlp(url("--forward-otlp", v)));
    if (values.containsKey("--forward-queue-dir") || values.containsKey("--forward-queue-max-bytes")) {
      java.nio.file.Path dir =
          values.containsKey("--forward-queue-dir") ? java.nio.file.Path.of(last("--forward-queue-dir")) : null;
      long max = values.containsKey("--forward-queue-max-bytes")
          ? longValue("--forward-queue-max-bytes", last("--forward-queue-max-bytes")) : 0;
      guard("--forward-queue-max-bytes", () -> builder.forwardQueue(dir, max));
    }
    if (values.containsKey("--forward-when-full") || values.containsKey("--forward-sync-each")) {
      QueueFullPolicy policy = values.containsKey("--forward-when-full")
          ? whenFull(last("--forward-when-full")) : QueueFullPolicy.REFUSE_WRITES;
      builder.forwardPolicy(policy, values.containsKey("--forward-sync-each"));
    }
    each("--forward-header", v -> {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--forward-header must be NAME=VALUE, got '" + v + "'");
      }
      builder.forwardHeader(v.substring(0, eq), v.substring(eq + 1));
    });
  }

  /** {@code refuse} or {@code drop-oldest}, as {@code --forward-when-full} takes them. */
  public static QueueFullPolicy whenFull(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "refuse" -> QueueFullPolicy.REFUSE_WRITES;
      case "drop-oldest" -> QueueFullPolicy.DROP_OLDEST;
      default -> throw new IllegalArgumentException(
          "--forward-when-full must be refuse or drop-oldest, got '" + text + "'");
    };
  }

  private static java.net.URI url(String option, String v) {
    try {
      return java.net.URI.create(v.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be a URL, got '" + v + "'", e);
    }
  }

  /** A service seed from {@code type:title[:k=v,…]}. */
  static ServiceSeed service(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("--service must be TYPE:TITLE[:key=value,...], got '" + text + "'");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    if (parts.length == 3 && !parts[2].isEmpty()) {
      for (String kv : parts[2].split(",")) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--service setting must be key=value, got '" + kv + "' in '" + text + "'");
        }
        settings.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return new ServiceSeed(parts[0], parts[1], settings);
  }

  private static void rateLimit(AppOpticsEmulator.Builder builder, String v) {
    String[] parts = v.split("/", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("--rate-limit must be REQUESTS/SECONDS, e.g. 100/60, got '" + v + "'");
    }
    int n = intValue("--rate-limit", parts[0]);
    long seconds = longValue("--rate-limit", parts[1]);
    guard("--rate-limit", () -> builder.rateLimit(n, Duration.ofSeconds(seconds)));
  }

  private double share(String option) {
    String v = last(option);
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0 && d <= 1)) {
        throw new IllegalArgumentException(option + " must be between 0 and 1, got '" + v + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number between 0 and 1, got '" + v + "'", e);
    }
  }

  private void each(String option, Consumer<String> apply) {
    for (String v : values.getOrDefault(option, List.of())) {
      guard(option, () -> apply.accept(v));
    }
  }

  private String last(String option) {
    List<String> v = values.get(option);
    return v.get(v.size() - 1);
  }

  private static void guard(String option, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      throw m.startsWith("--") ? e : new IllegalArgumentException(option + ": " + m, e);
    }
  }

  private static int intValue(String option, String v) {
    long l = longValue(option, v);
    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(option + " is out of range: '" + v + "'");
    }
    return (int) l;
  }

  private static long longValue(String option, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + v + "'", e);
    }
  }
}
