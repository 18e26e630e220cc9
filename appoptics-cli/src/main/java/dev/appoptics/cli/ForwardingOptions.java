package dev.appoptics.cli;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.EmulatorOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The forwarding options of the commands that run a server ({@code emulator}, {@code server}): where accepted
 * measurements go besides the local store, and how the queue in between behaves. docs/forwarding.md explains them.
 */
final class ForwardingOptions {
  @Option(names = "--forward-prometheus", paramLabel = "URL", description = "Forward every accepted measurement to this Prometheus remote-write URL, e.g. http://127.0.0.1:9090/api/v1/write.")
  URI prometheus;

  @Option(names = "--forward-otlp", paramLabel = "URL", description = "Forward every accepted measurement as OTLP/HTTP metrics to this URL, e.g. http://127.0.0.1:4318/v1/metrics.")
  URI otlp;

  @Option(names = "--forward-queue-dir", paramLabel = "DIR", description = "Keep the forwarding queues on disk here, so a restart loses nothing (default: in memory).")
  Path queueDir;

  @Option(names = "--forward-queue-max-bytes", paramLabel = "N", defaultValue = "0", description = "Bound of each forwarding queue (default: 1 GiB on disk, 64 MiB in memory).")
  long queueMaxBytes;

  @Option(names = "--forward-when-full", paramLabel = "POLICY", defaultValue = "refuse", description = "When a queue is full: refuse (answer 503 to new writes) or drop-oldest (drop unforwarded data, keep storing) (default: ${DEFAULT-VALUE}).")
  String whenFull;

  @Option(names = "--forward-sync-each", description = "Force each accepted payload's queue record to disk before answering (default: within a second).")
  boolean syncEach;

  @Option(names = "--forward-header", paramLabel = "NAME=VALUE", description = "Send this header with every forwarding request, e.g. Authorization=Bearer... (repeatable).")
  Map<String, String> headers = new LinkedHashMap<>();

  /** Configures forwarding on {@code builder}; a bad value is a usage error naming the option. */
  AppOpticsEmulator.Builder applyTo(AppOpticsEmulator.Builder builder) {
    try {
      if (prometheus != null) {
        builder.forwardPrometheus(prometheus);
      }
      if (otlp != null) {
        builder.forwardOtlp(otlp);
      }
      if (queueDir != null || queueMaxBytes != 0) {
        builder.forwardQueue(queueDir, queueMaxBytes);
      }
      builder.forwardPolicy(EmulatorOptions.whenFull(whenFull), syncEach);
      headers.forEach(builder::forwardHeader);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage(), "see appoptics emulator --help");
    }
    return builder;
  }
}
