package dev.appoptics.emulator.internal.http;

import dev.appoptics.emulator.Faults;
import dev.appoptics.emulator.RequestLogFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server front: a Jetty server (core API, no servlets) whose one handler, {@link FrontHandler}, takes every
 * request through faults, authentication, the rate limit and the body limits to the {@link Router}. Slow clients
 * cost no thread: Jetty parses headers and reads bodies without blocking, a request whose headers take longer than
 * the header timeout is cut off ({@link HeaderTimeout}), a connection silent for the idle timeout is closed, and
 * what Jetty refuses itself answers with the API's error body ({@link JsonErrorHandler}).
 *
 * <p>Life cycle ({@link Phase}): {@link #start} listens and answers the health checks at once, every other request
 * with 503 until {@link #serve} registers the API's modules (a durable store recovers its data in between);
 * {@link #stop} stops accepting, lets the requests in flight finish within the shutdown grace period (new requests
 * on open connections get 503), then closes.
 */
public final class HttpFront {
  /**
   * Jetty's threads besides the handler threads: one acceptor, one selector, and one kept in reserve so that the
   * selector can run a ready request itself and hand its selecting over, instead of queueing the request.
   */
  private static final int IO_THREADS = 3;

  /** What the front needs to know; kept small so tests can build one. */
  public record Config(
      String bindAddress,
      int port,
      int threads,
      Access access,
      int maxBodyBytes,
      int maxHeaderBytes,
      Duration headerTimeout,
      Duration idleTimeout,
      int rateLimitRequests,
      long rateLimitWindowSeconds,
      Faults faults,
      Clock clock,
      Consumer<String> log,
      RequestLogFormat logFormat,
      boolean logBodies,
      Duration shutdownGrace,
      Duration shutdownDelay) {}

  /** Where the front is in its life: health checks answer from it. */
  public enum Phase {
    /** Listening; the API's modules are not registered yet (the store may be recovering). */
    STARTING,
    SERVING,
    /** Shutdown began: requests in flight finish, new ones get 503. */
    STOPPING
  }

  private final Config config;
  private final Router router = new Router();
  private final RateLimiter rateLimiter;
  private final FaultInjector faults;
  private final AtomicLong requests = new AtomicLong();
  private final RequestFigures figures = new RequestFigures(this::inFlight);
  private final RequestLog log;
  private volatile Phase phase = Phase.STARTING;
  private volatile GracefulHandler graceful;
  private Server server;

  public HttpFront(Config config) {
    this.config = config;
    this.rateLimiter = new RateLimiter(config.rateLimitRequests(), config.rateLimitWindowSeconds());
    this.faults = new FaultInjector(config.faults());
    this.log = new RequestLog(config.log(), config.logFormat(), config.logBodies(), config.clock());
    new HealthModule(this::phase).register(router);
  }

  /** Registers the API's modules and starts serving them. */
  public void serve(List<ApiModule> modules) {
    for (ApiModule m : modules) {
      m.register(router);
    }
    phase = Phase.SERVING;
  }

  public Phase phase() {
    return phase;
  }

  /** Requests being answered now (headers read, answer not yet sent), public routes included. */
  long inFlight() {
    GracefulHandler g = graceful;
    return g == null ? 0 : g.getCurrentRequestCount();
  }

  /**
   * Counts and logs what the front refused before routing it (Jetty's own refusals, a header timeout): under no
   * route, with what is known of the request.
   */
  void refused(RequestLog.Entry entry, ApiResponse answer) {
    figures.record(entry.method(), "other", entry.status(), entry.nanos());
    log.write(entry, null, answer);
  }

  /** The front's figures for {@code GET /metrics}: requests by route and status, and their durations. */
  public RequestFigures figures() {
    return figures;
  }

  /** Starts listening; the port actually bound. */
  public synchronized int start() throws IOException {
    warmUp();
    QueuedThreadPool threads = new QueuedThreadPool(config.threads() + IO_THREADS, IO_THREADS + 1);
    threads.setName("appoptics-emulator");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HeaderTimeout(http(), config.headerTimeout(), this::refused));
    connector.setHost(config.bindAddress());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    connector.setAcceptQueueSize(256);
    connector.setAcceptedTcpNoDelay(true);
    jetty.addConnector(connector);
    graceful = new GracefulHandler(new FrontHandler(this, router, rateLimiter, faults, requests));
    jetty.setHandler(graceful);
    jetty.setErrorHandler(new JsonErrorHandler(config.clock(), config.maxHeaderBytes(), this::refused));
    jetty.setStopTimeout(config.shutdownGrace().toMillis());
    try {
      jetty.start();
    } catch (IOException e) {
      stopQuietly(jetty);
      throw e;
    } catch (Exception e) {
      stopQuietly(jetty);
      throw new IOException(e.getMessage(), e);
    }
    server = jetty;
    return connector.getLocalPort();
  }

  private HttpConfiguration http() {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(config.maxHeaderBytes());
    // Whole 300-measurement batches (about 36 KB) in one read; Jetty pools these buffers.
    http.setInputBufferSize(64 * 1024);
    // The router decodes the raw path itself and answers what it cannot decode with a 400 of the API's shape.
    http.setUriCompliance(UriCompliance.UNSAFE);
    return http;
  }

  /** Loads the JSON machinery now, so the first request is not the one that pays for it. */
  private static void warmUp() {
    ApiError.notFound("warm-up").toResponse(0);
    try {
      ApiResponse.mapper().readTree("{\"warm\":[1,2.5,\"up\"]}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Readiness goes down ({@code /health} answers 503 "stopping") while requests are still served for the shutdown
   * delay, so that a load balancer takes the server out before connections are refused; then stops accepting
   * connections, waits up to the shutdown grace period for the requests in flight, and closes every connection;
   * idempotent.
   */
  public synchronized void stop() {
    boolean serving = server != null && phase != Phase.STOPPING;
    phase = Phase.STOPPING;
    if (serving && !config.shutdownDelay().isZero()) {
      try {
        Thread.sleep(config.shutdownDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // stop at once: whoever interrupts wants it over
      }
    }
    if (server != null) {
      stopQuietly(server);
      server = null;
    }
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      // stopping is best effort: the threads are daemons and the port is released with the socket
    }
  }

  Config config() {
    return config;
  }

  RequestLog log() {
    return log;
  }

  public void setFaults(Faults f) {
    faults.set(f);
  }

  public Faults faults() {
    return faults.current();
  }

  /** Requests to the API (public routes such as a health check are not counted). */
  public long requestCount() {
    return requests.get();
  }

  /** Forgets rate-limit windows, the request count, and returns to the configured faults. */
  public void reset() {
    rateLimiter.clear();
    faults.set(config.faults());
    requests.set(0);
  }
}
