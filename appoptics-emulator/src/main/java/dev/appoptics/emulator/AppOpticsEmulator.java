package dev.appoptics.emulator;

import dev.appoptics.emulator.internal.EmulatorModules;
import dev.appoptics.emulator.internal.EmulatorSettings;
import dev.appoptics.emulator.internal.EmulatorState;
import dev.appoptics.emulator.internal.forward.ForwardSettings;
import dev.appoptics.emulator.internal.forward.Forwarder;
import dev.appoptics.emulator.internal.alerting.AlertingModule;
import dev.appoptics.emulator.internal.http.Access;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.HttpFront;
import dev.appoptics.emulator.internal.http.Role;
import dev.appoptics.emulator.internal.ops.JvmFigures;
import dev.appoptics.emulator.internal.resources.tokens.ApiTokensModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A local HTTP server that speaks the AppOptics Metrics API v1: measurements, metrics, spaces, charts, alerts,
 * annotations, services and more, stored in memory. Start one per test class (or per test) on a free port and point
 * a client at {@link #baseUri()}. Given a {@linkplain Builder#dataDirectory data directory} (and the
 * {@code appoptics-server} artifact on the class path), it keeps everything there instead, durably.
 *
 * <pre>{@code
 * try (AppOpticsEmulator emulator = AppOpticsEmulator.start()) {
 *   URI api = emulator.baseUri(); // http://127.0.0.1:PORT/v1/
 *   // ... send measurements with token "any-token" ...
 *   assertThat(emulator.stats().measurementsAccepted()).isEqualTo(300);
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are answered by a bounded pool of threads (slow clients hold none: see
 * {@link Builder#headerTimeout} and {@link Builder#idleTimeout}); {@link #clear()} and {@link #setFaults} may be
 * called while requests are in flight.
 */
public final class AppOpticsEmulator implements AutoCloseable {
  private final EmulatorSettings settings;
  private final Access access;
  private final HttpFront front;
  private final Forwarder forwarder;
  private final int port;
  private final URI baseUri;
  private final URI consoleUri;
  private final EmulatorState state;
  private final List<ApiModule> modules;
  private final AlertingModule alerting;

  private AppOpticsEmulator(EmulatorSettings settings) {
    this.settings = settings;
    this.access = new Access(settings.tokens(), settings.acceptAnyToken());
    this.front =
        new HttpFront(
            new HttpFront.Config(
                settings.bindAddress(),
                settings.port(),
                settings.threads(),
                access,
                settings.maxBodyBytes(),
                settings.maxHeaderBytes(),
                settings.headerTimeout(),
                settings.idleTimeout(),
                settings.rateLimitRequests(),
                settings.rateLimitWindow().getSeconds(),
                settings.faults(),
                settings.clock(),
                settings.requestLog().orElse(null),
                settings.requestLogFormat(),
                settings.logBodies(),
                settings.shutdownGrace(),
                settings.shutdownDelay()));
    // Listening first: the health checks answer (503 "starting") while the data is loaded, and a port that is
    // taken fails before any of it is.
    try {
      this.port = front.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
    String host = settings.bindAddress().contains(":") ? "[" + settings.bindAddress() + "]" : settings.bindAddress();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    this.consoleUri = URI.create("http://" + host + ":" + port + "/");
    this.baseUri = consoleUri.resolve("v1/");
    try {
      this.state = new EmulatorState(settings);
    } catch (RuntimeException e) {
      front.stop();
      throw e;
    }
    try {
      this.modules = EmulatorModules.create(settings, state);
      state.storage().start();
      this.forwarder =
          settings.forwarding().enabled() ? Forwarder.start(settings.forwarding(), state, settings.clock()) : null;
    } catch (RuntimeException e) {
      front.stop();
      state.storage().close();
      throw e;
    }
    this.alerting = EmulatorModules.find(modules, AlertingModule.class);
    access.setDirectory(EmulatorModules.find(modules, ApiTokensModule.class));
    state.addMetricsSource(front.figures());
    state.addMetricsSource(new JvmFigures());
    front.serve(modules);
  }

  /** Starts an emulator with the defaults: 127.0.0.1, a free port, any non-empty token accepted. */
  public static AppOpticsEmulator start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The API root, {@code http://127.0.0.1:PORT/v1/}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The web console, {@code http://127.0.0.1:PORT/}: spaces, charts, metrics, alerts and annotations in a browser. */
  public URI consoleUri() {
    return consoleUri;
  }

  public int port() {
    return port;
  }

  /**
   * Forgets all stored data, request counts and rate-limit windows, and returns to the configured faults and
   * tokens.
   */
  public void clear() {
    for (ApiModule m : modules) {
      m.clear();
    }
    front.reset();
    access.setTokens(settings.tokens());
  }

  /** Replaces the injected faults, effective from the next request. */
  public void setFaults(Faults faults) {
    front.setFaults(faults);
  }

  public Faults faults() {
    return front.faults();
  }

  /**
   * Replaces the configured tokens with these, each may do everything, effective from the next request. Whether
   * other tokens are accepted stays as configured ({@link Builder#acceptAnyToken}).
   */
  public void setTokens(Collection<String> tokens) {
    Map<String, TokenRole> admins = new LinkedHashMap<>();
    tokens.forEach(t -> admins.put(t, TokenRole.ADMIN));
    setTokens(admins);
  }

  /**
   * Replaces the configured tokens with these, each with its role, effective from the next request (a reloaded tokens
   * file). Whether other tokens are accepted stays as configured ({@link Builder#acceptAnyToken}).
   */
  public void setTokens(Map<String, TokenRole> tokens) {
    Map<String, Role> roles = new LinkedHashMap<>();
    tokens.forEach((t, role) -> {
      if (t == null || t.isEmpty()) {
        throw new IllegalArgumentException("tokens must not be empty, got " + tokens.keySet());
      }
      roles.put(t, role(role));
    });
    access.setTokens(roles);
  }

  private static Role role(TokenRole role) {
    return Role.of(Objects.requireNonNull(role, "role"));
  }

  public EmulatorStats stats() {
    return new EmulatorStats(
        front.requestCount(),
        state.store().acceptedCount(),
        state.registry().size(),
        state.store().seriesCount(),
        state.store().pointCount());
  }

  /**
   * Evaluates every active alert now, at the clock's current time, on the calling thread, and returns once the
   * notifications it decided on are handed to their (background) delivery. Alerts are also evaluated every {@link
   * Builder#alertInterval alert interval}; a test that steps its own clock turns that off ({@code
   * alertInterval(Duration.ZERO)}) and calls this after each step.
   */
  public void evaluateAlerts() {
    alerting.evaluate();
  }

  /** The figures every part reports, in the Prometheus text format (what {@code GET /metrics} answers). */
  String metricsText() {
    return state.writeMetrics();
  }

  /**
   * Stops accepting requests, lets the ones in flight finish within the {@linkplain Builder#shutdownGracePeriod
   * shutdown grace period} (none by default), and releases the threads; idempotent. With forwarding, then stops it:
   * an in-memory forwarding queue first gets a few seconds to drain while its receiver answers; a queue on disk keeps
   * what is left for the next start. A durable emulator then syncs and closes its store, so that it opens again
   * without replaying its log.
   */
  @Override
  public void close() {
    front.stop();
    closeModules();
    if (forwarder != null) {
      forwarder.close();
    }
    state.storage().close();
  }

  private void closeModules() {
    for (ApiModule m : modules) {
      m.close();
    }
  }

  @Override
  public String toString() {
    return "AppOpticsEmulator[" + baseUri + "]";
  }

  /** Configures an emulator; every setting has a default. Not thread-safe. */
  public static final class Builder {
    private final EmulatorSettings.Builder settings = EmulatorSettings.builder();
    private ForwardSettings forwarding = ForwardSettings.NONE;

    private Builder() {}

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** Address to listen on; default {@code 127.0.0.1}. */
    public Builder bindAddress(String address) {
      settings.bindAddress(address);
      return this;
    }

    /**
     * Accepts only these tokens (callable repeatedly), and the active tokens made through {@code /v1/api_tokens}
     * (within their role); by default any non-empty token is accepted.
     */
    public Builder tokens(String... tokens) {
      for (String t : tokens) {
        settings.token(t, Role.ADMIN);
      }
      return this;
    }

    /**
     * Accepts {@code token} (callable repeatedly, like {@link #tokens}) for the calls {@code role} allows; a call
     * outside it is answered 403.
     */
    public Builder token(String token, TokenRole role) {
      settings.token(token, role(role));
      return this;
    }

    /**
     * Whether a token that is neither given to {@link #tokens} nor made through {@code /v1/api_tokens} is accepted;
     * by default only when no tokens are given. {@code false} with no tokens refuses everything until
     * {@link AppOpticsEmulator#setTokens} supplies some.
     */
    public Builder acceptAnyToken(boolean any) {
      settings.acceptAnyToken(any);
      return this;
    }

    /**
     * How long {@link AppOpticsEmulator#close()} waits for the requests in flight to be answered once it stopped
     * accepting new ones (which meanwhile get 503); default zero: they are cut off.
     */
    public Builder shutdownGracePeriod(Duration grace) {
      settings.shutdownGrace(grace);
      return this;
    }

    /**
     * How long {@link AppOpticsEmulator#close()} goes on serving with {@code /health} answering 503 "stopping"
     * before it stops accepting requests, so that a load balancer polling readiness sends no more; default zero.
     */
    public Builder shutdownDelay(Duration delay) {
      settings.shutdownDelay(delay);
      return this;
    }

    /** Most series (metric + tag set) stored; default 100,000. Past it a payload is refused with 403. */
    public Builder maxSeries(int max) {
      settings.maxSeries(max);
      return this;
    }

    /**
     * Most metrics (created by a measurement or by {@code PUT /v1/metrics/:name}); default 100,000. Past it the
     * request that would create one is refused with 403.
     */
    public Builder maxMetrics(int max) {
      settings.maxMetrics(max);
      return this;
    }

    /** Most 1-second points stored over all series; default 5,000,000. Past it a payload is refused with 403. */
    public Builder maxPoints(long max) {
      settings.maxPoints(max);
      return this;
    }

    /** Largest request body, after inflating gzip; default 8 MiB. Larger bodies get 413. */
    public Builder maxBodyBytes(int max) {
      settings.maxBodyBytes(max);
      return this;
    }

    /** Largest request line plus headers; default 16 KiB. A longer URL gets 414, larger headers 431. */
    public Builder maxHeaderBytes(int max) {
      settings.maxHeaderBytes(max);
      return this;
    }

    /**
     * How long a request may take to send its headers, counted from its first byte; default 10 seconds. Past it the
     * client gets 408 and the connection is closed, even if bytes are still trickling in.
     */
    public Builder headerTimeout(Duration timeout) {
      settings.headerTimeout(timeout);
      return this;
    }

    /** How long a connection may stay silent, between requests or within one, before it is closed; default 30 s. */
    public Builder idleTimeout(Duration timeout) {
      settings.idleTimeout(timeout);
      return this;
    }

    /** Points per series in one query answer before it continues with a {@code next} link; default 10,000. */
    public Builder maxPointsPerAnswer(int max) {
      settings.maxPointsPerAnswer(max);
      return this;
    }

    /** How far behind the clock a measurement may be; default 2 hours. */
    public Builder pastLimit(Duration limit) {
      settings.pastLimit(limit);
      return this;
    }

    /** How far ahead of the clock a measurement may be; default 10 minutes. */
    public Builder futureLimit(Duration limit) {
      settings.futureLimit(limit);
      return this;
    }

    /** The clock that stamps requests and checks measurement times; default the system UTC clock. */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** A notification service known from the start. */
    public Builder service(ServiceSeed seed) {
      settings.service(seed);
      return this;
    }

    /** Allows each token {@code requests} requests per {@code window}; past it, 429 with {@code Retry-After}. */
    public Builder rateLimit(int requests, Duration window) {
      settings.rateLimit(requests, window);
      return this;
    }

    /** Faults injected from the start (and restored by {@link #clear()}). */
    public Builder faults(Faults faults) {
      settings.faults(faults);
      return this;
    }

    /** Receives one line per request: method, path, status, bytes, milliseconds. */
    public Builder requestLog(Consumer<String> sink) {
      settings.requestLog(sink);
      return this;
    }

    /** The request log's line format; default {@link RequestLogFormat#TEXT}. */
    public Builder requestLogFormat(RequestLogFormat format) {
      settings.requestLogFormat(format);
      return this;
    }

    /** Adds request and answer bodies (first 2,000 characters) to the request log (text format only). */
    public Builder logBodies(boolean logBodies) {
      settings.logBodies(logBodies);
      return this;
    }

    /** Stores tag values lower-cased, as the reference says the service does; default off. */
    public Builder lowercaseTagValues(boolean lowercase) {
      settings.lowercaseTagValues(lowercase);
      return this;
    }

    /**
     * Groups the events of a stream read in the documented list form {@code "events":[{"unassigned":[…]}]}, which
     * the Go client decodes; default off: the object form {@code "events":{"unassigned":[…]}} the live service
     * answers.
     */
    public Builder annotationEventsAsList(boolean asList) {
      settings.annotationEventsAsList(asList);
      return this;
    }

    /**
     * Refuses a space whose name is already taken (ignoring case) with 422, as the reference's property table says;
     * default off: names are not unique, as on the live service.
     */
    public Builder uniqueSpaceNames(boolean unique) {
      settings.uniqueSpaceNames(unique);
      return this;
    }

    /**
     * How long a background job (a snapshot's rendering) runs: {@code queued}, then {@code working} with growing
     * {@code progress}, then {@code complete} or {@code failed}. Default zero: jobs are complete at once.
     */
    public Builder jobDuration(Duration duration) {
      settings.jobDuration(duration);
      return this;
    }

    /**
     * Threads that answer requests (Jetty adds three of its own for accepting, selecting and handing over); default
     * twice the processors, at least 4. Slow clients hold none of them: headers and bodies are read without blocking.
     */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /**
     * Keeps everything (measurements, metrics, spaces, charts, alerts, services, annotations, API tokens, snapshots,
     * jobs) in {@code directory}, created when missing, so that an emulator started on it again finds it all. Needs
     * the {@code dev.appoptics:appoptics-server} artifact on the class path; without this setting the emulator keeps
     * everything in memory.
     */
    public Builder dataDirectory(java.nio.file.Path directory) {
      settings.dataDirectory(directory);
      return this;
    }

    /** When a durable emulator syncs to disk; default {@link SyncPolicy#defaults()} (every second). */
    public Builder syncPolicy(SyncPolicy policy) {
      settings.syncPolicy(policy);
      return this;
    }

    /**
     * How long each resolution of measurements is kept; default {@link Retention#service()} with a data directory,
     * everything in memory.
     */
    public Builder retention(Retention retention) {
      settings.retention(retention);
      return this;
    }

    /**
     * Forwards every accepted measurement to this Prometheus remote-write 1.0 URL (Prometheus with
     * {@code --web.enable-remote-write-receiver}, VictoriaMetrics, Mimir, Thanos, Cortex), e.g.
     * {@code http://127.0.0.1:9090/api/v1/write}. Needs {@code com.google.protobuf:protobuf-java} and
     * {@code org.xerial.snappy:snappy-java} on the class path (optional dependencies of this module). User
     * information in the URL becomes Basic authentication. See docs/forwarding.md for the mapping.
     */
    public Builder forwardPrometheus(URI url) {
      forwarding = forwarding.withPrometheus(url);
      return this;
    }

    /**
     * Time between two alert evaluations, measured in real time, each at the clock's current time; default 60
     * seconds. {@link Duration#ZERO} turns the schedule off: alerts are then evaluated only by {@link
     * AppOpticsEmulator#evaluateAlerts()}.
     */
    public Builder alertInterval(Duration interval) {
      settings.alertInterval(interval);
      return this;
    }

    /**
     * Forwards every accepted measurement as OTLP/HTTP (protobuf) metrics to this URL, e.g.
     * {@code http://127.0.0.1:4318/v1/metrics}. Needs {@code com.google.protobuf:protobuf-java} on the class path.
     */
    public Builder forwardOtlp(URI url) {
      forwarding = forwarding.withOtlp(url);
      return this;
    }

    /**
     * Keeps the forwarding queues in this directory ({@code prometheus/}, {@code otlp/} below it), so that what is
     * not yet delivered survives a restart; default: in memory, lost when the process ends. Each queue holds at most
     * {@code maxBytes}; 0 picks the default, 1 GiB on disk and 64 MiB in memory.
     */
    public Builder forwardQueue(Path directory, long maxBytes) {
      forwarding = forwarding.withQueue(directory, maxBytes);
      return this;
    }

    /**
     * What forwarding does when a queue is full (default {@link QueueFullPolicy#REFUSE_WRITES}), and whether each
     * accepted payload is forced to the device before it is answered (default: forced within a second; written to
     * the file before answering either way).
     */
    public Builder forwardPolicy(QueueFullPolicy whenFull, boolean syncEachAppend) {
      forwarding = forwarding.withPolicy(whenFull, syncEachAppend);
      return this;
    }

    /** Sends this header with every forwarding request (an {@code Authorization}, a tenant id); repeatable. */
    public Builder forwardHeader(String name, String value) {
      forwarding = forwarding.withHeader(name, value);
      return this;
    }

    /**
     * How hard to try delivering an alert notification: at most {@code attempts} tries, waiting {@code firstBackoff}
     * before the second and twice as long before each later one (at most 5 minutes); default 5 tries, 1 second.
     */
    public Builder alertDelivery(int attempts, Duration firstBackoff) {
      settings.alertDelivery(attempts, firstBackoff);
      return this;
    }

    /** Starts the emulator; it listens when this returns. */
    public AppOpticsEmulator start() {
      return new AppOpticsEmulator(settings.forwarding(forwarding).build());
    }
  }
}
