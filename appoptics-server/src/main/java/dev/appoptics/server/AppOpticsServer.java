package dev.appoptics.server;

import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.RequestLogFormat;
import dev.appoptics.emulator.Retention;
import dev.appoptics.emulator.SyncPolicy;
import dev.appoptics.emulator.TokenRole;
import dev.appoptics.server.internal.ops.BindAddresses;
import dev.appoptics.server.internal.ops.RequestLogSink;
import dev.appoptics.server.internal.ops.Signals;
import dev.appoptics.server.internal.ops.TokensFile;
import dev.appoptics.server.internal.ops.TokensFileWatcher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A self-hosted AppOptics API server: the emulator's API over durable storage in a data directory, with the
 * operations a server run for real needs.
 *
 * <ul>
 *   <li><b>Storage.</b> Everything it accepts is kept in {@link Builder#dataDirectory}, synced by the
 *       {@link Builder#syncPolicy sync policy}, and measurements are kept per resolution as {@link Builder#retention}
 *       says (see {@code docs/server.md}).
 *   <li><b>Tokens.</b> Configured tokens ({@link Builder#token}, {@link Builder#tokensFile}, re-read when the file
 *       changes or on {@link #reloadTokens()}) may do everything; tokens made through {@code /v1/api_tokens}
 *       authenticate while active, within their role; any other token gets 401. With no token configured, any
 *       token is accepted, which the server allows only on a loopback address unless {@link Builder#insecure} says
 *       otherwise: {@link Builder#start()} throws {@link ServerConfigurationException} instead.
 *   <li><b>Backups.</b> {@code POST /admin/snapshots} (an admin token only) takes a consistent snapshot of the
 *       data directory into its {@code snapshots/} while the server runs; {@code GET} lists them, {@code DELETE
 *       /admin/snapshots/NAME} deletes one (see {@code docs/server.md}, "Backing up and restoring").
 *   <li><b>Health and figures.</b> {@code GET /health} (readiness), {@code GET /health/live} (liveness) and
 *       {@code GET /metrics} (Prometheus text format), without a token; the web console at {@code /}.
 *   <li><b>Shutdown.</b> {@link #close()} stops accepting, lets the requests in flight finish within the
 *       {@linkplain Builder#shutdownGracePeriod grace period}, then syncs and closes the store.
 * </ul>
 *
 * <pre>{@code
 * try (AppOpticsServer server = AppOpticsServer.builder(Path.of("/var/lib/appoptics"))
 *     .port(8080).bindAddress("0.0.0.0").tokensFile(Path.of("/etc/appoptics/tokens"))
 *     .start()) {
 *   server.awaitClose();
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class AppOpticsServer implements AutoCloseable {
  /** How often the tokens file is checked for changes. */
  static final Duration TOKENS_FILE_CHECK = Duration.ofSeconds(2);

  private final AppOpticsEmulator emulator;
  private final Set<String> flagTokens;
  private final Optional<TokensFileWatcher> watcher;
  private final boolean acceptsAnyToken;
  private final Optional<RequestLogSink> logFile;
  private final Object closeLock = new Object();
  private boolean closed;

  private AppOpticsServer(Builder b, Map<String, TokenRole> fileTokens) {
    this.flagTokens = Set.copyOf(b.tokens);
    this.acceptsAnyToken = b.tokens.isEmpty() && b.tokensFile == null;
    AppOpticsEmulator.Builder e = b.emulator.acceptAnyToken(acceptsAnyToken);
    withFlagTokens(fileTokens).forEach(e::token);
    this.logFile = Optional.ofNullable(b.requestLogFile).map(RequestLogSink::appendingTo);
    logFile.<Consumer<String>>map(f -> f).or(() -> b.requestLog).ifPresent(e::requestLog);
    try {
      this.emulator = e.start();
    } catch (RuntimeException failure) {
      logFile.ifPresent(RequestLogSink::close);
      throw failure;
    }
    this.watcher = Optional.ofNullable(b.tokensFile).map(file ->
        new TokensFileWatcher(file, TOKENS_FILE_CHECK, this::useFileTokens, b.report));
    if (b.tokensFile != null) {
      TokensFile.exposure(b.tokensFile).ifPresent(w -> b.report.accept("warning: " + w));
    }
  }

  /** Starts configuring a server that keeps its data in {@code dataDirectory} (created when missing). */
  public static Builder builder(Path dataDirectory) {
    return new Builder(dataDirectory);
  }

  /** The API root, {@code http://HOST:PORT/v1/}. */
  public URI baseUri() {
    return emulator.baseUri();
  }

  /** The web console, {@code http://HOST:PORT/}. */
  public URI consoleUri() {
    return emulator.consoleUri();
  }

  public int port() {
    return emulator.port();
  }

  /** Whether any token is accepted (no token configured). */
  public boolean acceptsAnyToken() {
    return acceptsAnyToken;
  }

  /** Re-reads the tokens file now (as on SIGHUP); a file that cannot be read keeps the tokens in force. */
  public void reloadTokens() {
    watcher.ifPresent(TokensFileWatcher::reload);
  }

  private void useFileTokens(Map<String, TokenRole> fileTokens) {
    emulator.setTokens(withFlagTokens(fileTokens));
  }

  /** The file's tokens with their roles, and the flags' tokens as admin (a flag wins over the file). */
  private Map<String, TokenRole> withFlagTokens(Map<String, TokenRole> fileTokens) {
    Map<String, TokenRole> all = new LinkedHashMap<>(fileTokens);
    flagTokens.forEach(t -> all.put(t, TokenRole.ADMIN));
    return all;
  }

  /**
   * For a server that owns its process: SIGTERM and SIGINT close it (so {@link #awaitClose()} returns and the process
   * can exit 0), SIGHUP re-reads the tokens file, and a JVM shutdown for any other reason closes it too. Returns
   * false when this platform does not let SIGTERM be handled (then only the shutdown hook closes it).
   */
  public boolean closeOnSignals() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "appoptics-server-shutdown"));
    Signals.handle("HUP", this::reloadTokens);
    boolean term = Signals.handle("TERM", this::close);
    Signals.handle("INT", this::close);
    return term;
  }

  /** Blocks until {@link #close()} has finished (called from another thread, a signal handler or a hook). */
  public void awaitClose() throws InterruptedException {
    synchronized (closeLock) {
      while (!closed) {
        closeLock.wait();
      }
    }
  }

  /**
   * Stops accepting requests, lets the ones in flight finish within the grace period, then syncs and closes the
   * store; idempotent, and concurrent calls return once it is done.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      try {
        watcher.ifPresent(TokensFileWatcher::close);
        emulator.close();
      } finally {
        logFile.ifPresent(RequestLogSink::close);
        closed = true;
        closeLock.notifyAll();
      }
    }
  }

  @Override
  public String toString() {
    return "AppOpticsServer[" + baseUri() + "]";
  }

  /** Configures a server; every setting has a default. Not thread-safe. */
  public static final class Builder {
    /** The API's settings; the server adds its tokens and request log when it starts. */
    private final AppOpticsEmulator.Builder emulator = AppOpticsEmulator.builder()
        .port(8080)
        .shutdownGracePeriod(Duration.ofSeconds(20))
        .retention(Retention.service())
        .requestLogFormat(RequestLogFormat.JSON);
    private String bindAddress = "127.0.0.1";
    private final Set<String> tokens = new LinkedHashSet<>();
    private Path tokensFile;
    private boolean insecure;
    private Optional<Consumer<String>> requestLog = Optional.empty();
    private Path requestLogFile;
    private Consumer<String> report = line -> System.err.println(line);

    private Builder(Path dataDirectory) {
      emulator.dataDirectory(Objects.requireNonNull(dataDirectory, "dataDirectory"));
    }

    /** When what was accepted is forced onto the disk; default every second ({@link SyncPolicy#defaults()}). */
    public Builder syncPolicy(SyncPolicy policy) {
      emulator.syncPolicy(policy);
      return this;
    }

    /** How long each resolution of measurements is kept; default {@link Retention#service()}. */
    public Builder retention(Retention retention) {
      emulator.retention(retention);
      return this;
    }

    /** Port to listen on; default 8080, 0 picks a free one. */
    public Builder port(int port) {
      emulator.port(port);
      return this;
    }

    /** Address to listen on; default {@code 127.0.0.1}. */
    public Builder bindAddress(String address) {
      emulator.bindAddress(address);
      this.bindAddress = address;
      return this;
    }

    /** A token that may do everything (callable repeatedly). */
    public Builder token(String token) {
      if (token == null || token.isBlank() || !token.equals(token.strip())) {
        throw new ServerConfigurationException("a token must be non-empty without surrounding spaces, was '"
            + token + "'");
      }
      tokens.add(token);
      return this;
    }

    /**
     * A file of tokens, one per line, each optionally followed by its role ({@code admin}, the default,
     * {@code recorder} or {@code viewer}; {@code #} comments); re-read when it changes and on {@link
     * AppOpticsServer#reloadTokens()}. With a tokens file, only its tokens (and the others configured or made through
     * the API) are accepted, also while it is empty.
     */
    public Builder tokensFile(Path file) {
      this.tokensFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Allows listening beyond this host with no token configured: then any token is accepted. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** How long closing waits for the requests in flight; default 20 s. */
    public Builder shutdownGracePeriod(Duration grace) {
      emulator.shutdownGracePeriod(grace);
      return this;
    }

    /**
     * How long closing goes on serving, with {@code /health} answering 503 "stopping", before it stops accepting;
     * default zero. Set it to a little more than a load balancer's readiness interval.
     */
    public Builder shutdownDelay(Duration delay) {
      emulator.shutdownDelay(delay);
      return this;
    }

    /** One line per request to {@code sink}, as JSON unless {@code format} says otherwise. */
    public Builder requestLog(Consumer<String> sink, RequestLogFormat format) {
      this.requestLog = Optional.of(Objects.requireNonNull(sink, "sink"));
      emulator.requestLogFormat(format);
      return this;
    }

    /** One line per request appended to {@code file} (created when missing, closed with the server). */
    public Builder requestLogFile(Path file, RequestLogFormat format) {
      this.requestLogFile = Objects.requireNonNull(file, "file");
      emulator.requestLogFormat(format);
      return this;
    }

    /** Where the server reports what happens besides requests (tokens reloaded); default standard error. */
    public Builder report(Consumer<String> report) {
      this.report = Objects.requireNonNull(report, "report");
      return this;
    }

    /** Further settings of the API it serves (limits, timeouts, threads, compatibility, alerts). */
    public Builder emulator(Consumer<AppOpticsEmulator.Builder> settings) {
      settings.accept(emulator);
      return this;
    }

    /**
     * Starts the server; it serves when this returns.
     *
     * @throws ServerConfigurationException when it would listen beyond this host with no token and without
     *     {@link #insecure}, or the tokens file cannot be read or is malformed
     */
    public AppOpticsServer start() {
      if (tokens.isEmpty() && tokensFile == null && !insecure && !BindAddresses.isLoopback(bindAddress)) {
        throw new ServerConfigurationException("refusing to listen on " + bindAddress + " with no token: anyone who"
            + " reaches it could read and change everything. Give --token or --tokens-file, or --insecure to"
            + " accept any token");
      }
      Map<String, TokenRole> fileTokens = tokensFile == null ? Map.of() : TokensFile.read(tokensFile);
      return new AppOpticsServer(this, fileTokens);
    }
  }
}
