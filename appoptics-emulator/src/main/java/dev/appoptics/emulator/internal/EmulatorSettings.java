package dev.appoptics.emulator.internal;

import dev.appoptics.emulator.Faults;
import dev.appoptics.emulator.RequestLogFormat;
import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.ServiceSeed;
import dev.appoptics.emulator.SyncPolicy;
import dev.appoptics.emulator.internal.forward.ForwardSettings;
import dev.appoptics.emulator.internal.http.Role;
import dev.appoptics.emulator.internal.ops.LogLines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Everything an emulator is configured with. Immutable; build with {@link #builder()}. */
public final class EmulatorSettings {
  public static final int DEFAULT_MAX_SERIES = 100_000;
  public static final int DEFAULT_MAX_METRICS = 100_000;
  public static final long DEFAULT_MAX_POINTS = 5_000_000;
  public static final int DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
  public static final int DEFAULT_MAX_POINTS_PER_ANSWER = 10_000;
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_ALERT_INTERVAL = Duration.ofSeconds(60);
  public static final int DEFAULT_ALERT_DELIVERY_ATTEMPTS = 5;
  public static final Duration DEFAULT_ALERT_RETRY_BACKOFF = Duration.ofSeconds(1);

  private final int port;
  private final String bindAddress;
  private final Map<String, Role> tokens;
  private final int maxSeries;
  private final int maxMetrics;
  private final long maxPoints;
  private final int maxBodyBytes;
  private final int maxPointsPerAnswer;
  private final int maxHeaderBytes;
  private final Duration headerTimeout;
  private final Duration idleTimeout;
  private final Duration pastLimit;
  private final Duration futureLimit;
  private final Clock clock;
  private final List<ServiceSeed> services;
  private final int rateLimitRequests;
  private final Duration rateLimitWindow;
  private final Faults faults;
  private final Consumer<String> requestLog;
  private final boolean logBodies;
  private final boolean lowercaseTagValues;
  private final boolean annotationEventsAsList;
  private final boolean uniqueSpaceNames;
  private final Duration jobDuration;
  private final int threads;
  private final Path dataDirectory;
  private final SyncPolicy syncPolicy;
  private final Retention retention;
  private final ForwardSettings forwarding;
  private final Duration alertInterval;
  private final int alertDeliveryAttempts;
  private final Duration alertRetryBackoff;
  private final boolean acceptAnyToken;
  private final RequestLogFormat requestLogFormat;
  private final Duration shutdownGrace;
  private final Duration shutdownDelay;

  private EmulatorSettings(Builder b) {
    port = b.port;
    bindAddress = b.bindAddress;
    tokens = Map.copyOf(b.tokens);
    maxSeries = b.maxSeries;
    maxMetrics = b.maxMetrics;
    maxPoints = b.maxPoints;
    maxBodyBytes = b.maxBodyBytes;
    maxPointsPerAnswer = b.maxPointsPerAnswer;
    maxHeaderBytes = b.maxHeaderBytes;
    headerTimeout = b.headerTimeout;
    idleTimeout = b.idleTimeout;
    pastLimit = b.pastLimit;
    futureLimit = b.futureLimit;
    clock = b.clock;
    services = List.copyOf(b.services);
    rateLimitRequests = b.rateLimitRequests;
    rateLimitWindow = b.rateLimitWindow;
    faults = b.faults;
    requestLog = b.requestLog;
    logBodies = b.logBodies;
    lowercaseTagValues = b.lowercaseTagValues;
    annotationEventsAsList = b.annotationEventsAsList;
    uniqueSpaceNames = b.uniqueSpaceNames;
    jobDuration = b.jobDuration;
    threads = b.threads;
    dataDirectory = b.dataDirectory;
    syncPolicy = b.syncPolicy;
    retention = b.retention;
    forwarding = b.forwarding;
    alertInterval = b.alertInterval;
    alertDeliveryAttempts = b.alertDeliveryAttempts;
    alertRetryBackoff = b.alertRetryBackoff;
    acceptAnyToken = b.acceptAnyToken == null ? tokens.isEmpty() : b.acceptAnyToken;
    requestLogFormat = b.requestLogFormat;
    shutdownGrace = b.shutdownGrace;
    shutdownDelay = b.shutdownDelay;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  public String bindAddress() {
    return bindAddress;
  }

  /** The configured tokens, each with its role. */
  public Map<String, Role> tokens() {
    return tokens;
  }

  /**
   * Whether a token that is neither configured nor made through the API is accepted; unless set, when no tokens
   * are configured.
   */
  public boolean acceptAnyToken() {
    return acceptAnyToken;
  }

  public int maxSeries() {
    return maxSeries;
  }

  /** Most metrics (gauges and composites) the registry holds. */
  public int maxMetrics() {
    return maxMetrics;
  }

  public long maxPoints() {
    return maxPoints;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Points per series in one measurement-query answer before it continues through a {@code next} link. */
  public int maxPointsPerAnswer() {
    return maxPointsPerAnswer;
  }

  /** Largest request line plus headers: a longer URL gets 414, larger headers 431. */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /** How long a request may take to send all its headers, counted from its first byte. */
  public Duration headerTimeout() {
    return headerTimeout;
  }

  /** How long a connection may stay silent (between requests, or in the middle of one) before it is closed. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  public Duration pastLimit() {
    return pastLimit;
  }

  public Duration futureLimit() {
    return futureLimit;
  }

  public Clock clock() {
    return clock;
  }

  /** Notification services known from the start ({@code GET /v1/services}). */
  public List<ServiceSeed> services() {
    return services;
  }

  /** Requests allowed per token per {@link #rateLimitWindow()}; 0 means unlimited. */
  public int rateLimitRequests() {
    return rateLimitRequests;
  }

  public Duration rateLimitWindow() {
    return rateLimitWindow;
  }

  /** The faults the emulator starts with (and returns to on clear). */
  public Faults faults() {
    return faults;
  }

  public Optional<Consumer<String>> requestLog() {
    return Optional.ofNullable(requestLog);
  }

  public RequestLogFormat requestLogFormat() {
    return requestLogFormat;
  }

  /**
   * Where lines about something other than a request (an alert delivery, a failed evaluation) go: the request log,
   * in its format.
   */
  public Optional<Consumer<String>> messageLog() {
    return requestLog().map(sink -> LogLines.messages(sink, requestLogFormat, clock, "info"));
  }

  /** How long closing waits for the requests in flight; zero cuts them off. */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** How long closing keeps serving, with readiness down, before it stops accepting; zero by default. */
  public Duration shutdownDelay() {
    return shutdownDelay;
  }

  /** Whether the request log also carries request and answer bodies (truncated). */
  public boolean logBodies() {
    return logBodies;
  }

  /** Whether tag values are stored lower-cased, as the reference says the service does (default: off). */
  public boolean lowercaseTagValues() {
    return lowercaseTagValues;
  }

  /**
   * Whether a stream read groups its events in the documented list form {@code [{"source":[…]}]} (what the Go
   * client decodes) instead of the object form {@code {"source":[…]}} the live service answers (default: off).
   */
  public boolean annotationEventsAsList() {
    return annotationEventsAsList;
  }

  /** Whether a space name already taken is refused with 422, as the reference's property table says (default: off). */
  public boolean uniqueSpaceNames() {
    return uniqueSpaceNames;
  }

  /** How long a background job (a snapshot's rendering) runs before it ends; zero ends it at once. */
  public Duration jobDuration() {
    return jobDuration;
  }

  /** Worker threads answering requests. */
  public int threads() {
    return threads;
  }

  /** Where a durable emulator keeps its data; empty for an in-memory one. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  /** When a durable emulator syncs what it accepted to disk. */
  public SyncPolicy syncPolicy() {
    return syncPolicy;
  }

  /**
   * How long each resolution is kept, when set; unset, a durable emulator keeps {@link Retention#service()} and an
   * in-memory one everything.
   */
  public Optional<Retention> retention() {
    return Optional.ofNullable(retention);
  }

  /** Where accepted measurements are forwarded; {@link ForwardSettings#NONE} by default. */
  public ForwardSettings forwarding() {
    return forwarding;
  }

  /** Time between two alert evaluations; zero means alerts are evaluated only when asked. */
  public Duration alertInterval() {
    return alertInterval;
  }

  /** Most attempts to deliver one alert notification. */
  public int alertDeliveryAttempts() {
    return alertDeliveryAttempts;
  }

  /** Wait before the second delivery attempt; it doubles for each attempt after. */
  public Duration alertRetryBackoff() {
    return alertRetryBackoff;
  }

  /** Builder for {@link EmulatorSettings}; every setting has a default. */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private final Map<String, Role> tokens = new LinkedHashMap<>();
    private int maxSeries = DEFAULT_MAX_SERIES;
    private int maxMetrics = DEFAULT_MAX_METRICS;
    private long maxPoints = DEFAULT_MAX_POINTS;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxPointsPerAnswer = DEFAULT_MAX_POINTS_PER_ANSWER;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration pastLimit = Duration.ofHours(2);
    private Duration futureLimit = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();
    private final List<ServiceSeed> services = new ArrayList<>();
    private int rateLimitRequests;
    private Duration rateLimitWindow = Duration.ofMinutes(1);
    private Faults faults = Faults.none();
    private Consumer<String> requestLog;
    private boolean logBodies;
    private boolean lowercaseTagValues;
    private boolean annotationEventsAsList;
    private boolean uniqueSpaceNames;
    private Duration jobDuration = Duration.ZERO;
    private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private Path dataDirectory;
    private SyncPolicy syncPolicy = SyncPolicy.defaults();
    private Retention retention;
    private ForwardSettings forwarding = ForwardSettings.NONE;
    private Duration alertInterval = DEFAULT_ALERT_INTERVAL;
    private int alertDeliveryAttempts = DEFAULT_ALERT_DELIVERY_ATTEMPTS;
    private Duration alertRetryBackoff = DEFAULT_ALERT_RETRY_BACKOFF;
    private Boolean acceptAnyToken;
    private RequestLogFormat requestLogFormat = RequestLogFormat.TEXT;
    private Duration shutdownGrace = Duration.ZERO;
    private Duration shutdownDelay = Duration.ZERO;

    private Builder() {}

    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    public Builder token(String token, Role role) {
      if (token == null || token.isEmpty()) {
        throw new IllegalArgumentException("token must not be empty");
      }
      tokens.put(token, Objects.requireNonNull(role, "role"));
      return this;
    }

    public Builder acceptAnyToken(boolean any) {
      this.acceptAnyToken = any;
      return this;
    }

    public Builder requestLogFormat(RequestLogFormat format) {
      this.requestLogFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    public Builder shutdownGrace(Duration grace) {
      this.shutdownGrace = nonNegative("shutdownGrace", grace);
      return this;
    }

    public Builder shutdownDelay(Duration delay) {
      this.shutdownDelay = nonNegative("shutdownDelay", delay);
      return this;
    }

    public Builder maxSeries(int max) {
      this.maxSeries = positive("maxSeries", max);
      return this;
    }

    public Builder maxMetrics(int max) {
      this.maxMetrics = positive("maxMetrics", max);
      return this;
    }

    public Builder maxPoints(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxPoints must be at least 1, got " + max);
      }
      this.maxPoints = max;
      return this;
    }

    public Builder maxBodyBytes(int max) {
      this.maxBodyBytes = positive("maxBodyBytes", max);
      return this;
    }

    public Builder maxPointsPerAnswer(int max) {
      this.maxPointsPerAnswer = positive("maxPointsPerAnswer", max);
      return this;
    }

    public Builder maxHeaderBytes(int max) {
      if (max < 1024) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, got " + max);
      }
      this.maxHeaderBytes = max;
      return this;
    }

    public Builder headerTimeout(Duration timeout) {
      this.headerTimeout = positive("headerTimeout", timeout);
      return this;
    }

    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive("idleTimeout", timeout);
      return this;
    }

    public Builder pastLimit(Duration limit) {
      this.pastLimit = nonNegative("pastLimit", limit);
      return this;
    }

    public Builder futureLimit(Duration limit) {
      this.futureLimit = nonNegative("futureLimit", limit);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder service(ServiceSeed seed) {
      services.add(Objects.requireNonNull(seed, "seed"));
      return this;
    }

    public Builder rateLimit(int requests, Duration window) {
      if (requests < 0) {
        throw new IllegalArgumentException("rate limit requests must be at least 0, got " + requests);
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("rate limit window must be positive, got " + window);
      }
      this.rateLimitRequests = requests;
      this.rateLimitWindow = window;
      return this;
    }

    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    public Builder requestLog(Consumer<String> sink) {
      this.requestLog = Objects.requireNonNull(sink, "sink");
      return this;
    }

    public Builder logBodies(boolean logBodies) {
      this.logBodies = logBodies;
      return this;
    }

    public Builder lowercaseTagValues(boolean lowercase) {
      this.lowercaseTagValues = lowercase;
      return this;
    }

    public Builder annotationEventsAsList(boolean asList) {
      this.annotationEventsAsList = asList;
      return this;
    }

    public Builder uniqueSpaceNames(boolean unique) {
      this.uniqueSpaceNames = unique;
      return this;
    }

    public Builder jobDuration(Duration duration) {
      this.jobDuration = nonNegative("jobDuration", duration);
      return this;
    }

    public Builder threads(int threads) {
      this.threads = positive("threads", threads);
      return this;
    }

    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    public Builder syncPolicy(SyncPolicy policy) {
      this.syncPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    public Builder forwarding(ForwardSettings forwarding) {
      this.forwarding = Objects.requireNonNull(forwarding, "forwarding");
      return this;
    }

    public Builder alertInterval(Duration interval) {
      if (!nonNegative("alertInterval", interval).isZero() && interval.toMillis() < 1) {
        throw new IllegalArgumentException("alertInterval must be zero (off) or at least 1 ms, got " + interval);
      }
      this.alertInterval = interval;
      return this;
    }

    public Builder alertDelivery(int attempts, Duration firstBackoff) {
      this.alertDeliveryAttempts = positive("alert delivery attempts", attempts);
      this.alertRetryBackoff = nonNegative("alert retry back-off", firstBackoff);
      return this;
    }

    public EmulatorSettings build() {
      return new EmulatorSettings(this);
    }

    private static int positive(String what, int v) {
      if (v < 1) {
        throw new IllegalArgumentException(what + " must be at least 1, got " + v);
      }
      return v;
    }

    private static Duration positive(String what, Duration d) {
      if (Objects.requireNonNull(d, what).toMillis() < 1) {
        throw new IllegalArgumentException(what + " must be at least 1 ms, got " + d);
      }
      return d;
    }

    private static Duration nonNegative(String what, Duration d) {
      if (Objects.requireNonNull(d, what).isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
