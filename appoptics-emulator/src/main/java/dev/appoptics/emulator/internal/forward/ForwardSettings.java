package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.QueueFullPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an emulator or server forwards what it accepts. Immutable; {@link #NONE} forwards nothing.
 *
 * @param prometheus the remote-write URL, e.g. {@code http://127.0.0.1:9090/api/v1/write}
 * @param otlp the OTLP/HTTP metrics URL, e.g. {@code http://127.0.0.1:4318/v1/metrics}
 * @param queueDirectory where the queues live ({@code <dir>/prometheus}, {@code <dir>/otlp}); empty: in memory
 * @param queueMaxBytes the bound of each queue; 0 picks the default ({@link #DEFAULT_DISK_QUEUE_BYTES} on disk,
 *     {@link #DEFAULT_MEMORY_QUEUE_BYTES} in memory)
 * @param whenFull what happens when a queue reaches its bound
 * @param syncEachAppend force each accepted payload to the device before answering (else: within a second)
 * @param headers extra request headers for every receiver (an {@code Authorization}, a tenant id)
 */
public record ForwardSettings(
    Optional<URI> prometheus,
    Optional<URI> otlp,
    Optional<Path> queueDirectory,
    long queueMaxBytes,
    QueueFullPolicy whenFull,
    boolean syncEachAppend,
    Map<String, String> headers) {
  public static final long DEFAULT_DISK_QUEUE_BYTES = 1L << 30;
  public static final long DEFAULT_MEMORY_QUEUE_BYTES = 64L << 20;
  public static final ForwardSettings NONE = new ForwardSettings(Optional.empty(), Optional.empty(),
      Optional.empty(), 0, QueueFullPolicy.REFUSE_WRITES, false, Map.of());

  public ForwardSettings {
    Objects.requireNonNull(whenFull, "whenFull");
    prometheus.ifPresent(u -> checkUrl("forwardPrometheus", u));
    otlp.ifPresent(u -> checkUrl("forwardOtlp", u));
    if (queueMaxBytes < 0) {
      throw new IllegalArgumentException("forwardQueueMaxBytes must not be negative, got " + queueMaxBytes);
    }
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  public boolean enabled() {
    return prometheus.isPresent() || otlp.isPresent();
  }

  /** The bound of each queue in bytes. */
  public long queueLimit() {
    if (queueMaxBytes > 0) {
      return queueMaxBytes;
    }
    return queueDirectory.isPresent() ? DEFAULT_DISK_QUEUE_BYTES : DEFAULT_MEMORY_QUEUE_BYTES;
  }

  public ForwardSettings withPrometheus(URI uri) {
    return new ForwardSettings(Optional.of(uri), otlp, queueDirectory, queueMaxBytes, whenFull, syncEachAppend,
        headers);
  }

  public ForwardSettings withOtlp(URI uri) {
    return new ForwardSettings(prometheus, Optional.of(uri), queueDirectory, queueMaxBytes, whenFull,
        syncEachAppend, headers);
  }

  public ForwardSettings withQueue(Path directory, long maxBytes) {
    return new ForwardSettings(prometheus, otlp, Optional.ofNullable(directory).or(() -> queueDirectory), maxBytes,
        whenFull, syncEachAppend, headers);
  }

  public ForwardSettings withPolicy(QueueFullPolicy policy, boolean syncEach) {
    return new ForwardSettings(prometheus, otlp, queueDirectory, queueMaxBytes, policy, syncEach, headers);
  }

  public ForwardSettings withHeader(String name, String value) {
    if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw new IllegalArgumentException("forwardHeader name must be an HTTP header name, got '" + name + "'");
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, Objects.requireNonNull(value, "value"));
    return new ForwardSettings(prometheus, otlp, queueDirectory, queueMaxBytes, whenFull, syncEachAppend, more);
  }

  private static void checkUrl(String what, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(what + " must be an http:// or https:// URL with a host, got '" + uri + "'");
    }
  }
}
