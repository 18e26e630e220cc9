package dev.appoptics.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.appoptics.emulator.Faults;
import dev.appoptics.emulator.internal.console.ConsoleFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The server front: accepts a request on the JDK HTTP server, applies faults, authenticates the token (password slot
 * if non-empty, else user slot), applies the rate limit, reads and inflates the body, routes it to a module and
 * writes the answer with rate-limit headers, turning every failure into an API error body. Logs one line per
 * request to the configured sink.
 */
public final class HttpFront {
  static {
    // The JDK server reads this once, when its configuration class loads; without it every keep-alive request
    // waits on Nagle's algorithm meeting delayed ACKs.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String RATE_LIMIT_MESSAGE =
      "You have hit the API limit for measurements [measure:raw_rate]. "
          + "Contact: support@appoptics.com to adjust this limit.";

  /** What the front needs to know; kept small so tests can build one. */
  public record Config(
      String bindAddress,
      int port,
      int threads,
      Set<String> tokens,
      int maxBodyBytes,
      int rateLimitRequests,
      long rateLimitWindowSeconds,
      Faults faults,
      Clock clock,
      Consumer<String> log,
      boolean logBodies) {}

  private final Config config;
  private final Router router = new Router();
  private final RateLimiter rateLimiter;
  private final FaultInjector faults;
  private final RequestBodies bodies;
  private final AtomicLong requests = new AtomicLong();
  private final ConsoleFiles console = new ConsoleFiles();
  private HttpServer server;
  private ExecutorService executor;

  public HttpFront(Config config, List<ApiModule> modules) {
    this.config = config;
    this.rateLimiter = new RateLimiter(config.rateLimitRequests(), config.rateLimitWindowSeconds());
    this.faults = new FaultInjector(config.faults());
    this.bodies = new RequestBodies(config.maxBodyBytes());
    for (ApiModule m : modules) {
      m.register(router);
    }
  }

  /** Starts listening; the port actually bound. */
  public synchronized int start() throws IOException {
    warmUp();
    server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 256);
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            config.threads(),
            r -> {
              Thread t = new Thread(r, "appoptics-emulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return server.getAddress().getPort();
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

  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }

  public void setFaults(Faults f) {
    faults.set(f);
  }

  public Faults faults() {
    return faults.current();
  }

  public long requestCount() {
    return requests.get();
  }

  /** Forgets rate-limit windows, the request count, and returns to the configured faults. */
  public void reset() {
    rateLimiter.clear();
    faults.set(config.faults());
    requests.set(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    long started = System.nanoTime();
    requests.incrementAndGet();
    long now = config.clock().instant().getEpochSecond();
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    String target = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    byte[] requestBody = new byte[0];
    ApiResponse response;
    Map<String, String> extra = new LinkedHashMap<>();
    if (!rawPath.equals("/v1") && !rawPath.startsWith("/v1/")) {
      response = consoleFile(method, rawPath, target, Wire.headers(ex), now);
      RequestLog.write(config.log(), config.logBodies(), method, target, Integer.toString(response.status()),
          response.body().length, started, null, response);
      send(ex, response, extra);
      return;
    }
    try {
      FaultInjector.Decision fault = faults.next();
      if (fault.delayMillis() > 0) {
        Thread.sleep(fault.delayMillis());
      }
      if (fault.kind() == FaultInjector.Kind.DROP) {
        ex.close();
        RequestLog.write(config.log(), config.logBodies(), method, target, "dropped", 0, started, null, null);
        return;
      }
      Map<String, String> headers = Wire.headers(ex);
      String token = Wire.token(headers.get("authorization"));
      if (token == null || !(config.tokens().isEmpty() || config.tokens().contains(token))) {
        throw unauthorized(method);
      }
      RateLimiter.Decision limit = rateLimiter.acquire(token, now);
      extra.put("X-Librato-RateLimit-Std", limit.header());
      extra.put("X-Librato-RateLimit-Agg", limit.header());
      if (!limit.allowed()) {
        throw ApiError.singular(429, RATE_LIMIT_MESSAGE)
            .withHeaders(Map.of("Retry-After", Long.toString(Math.max(1, limit.reset() - now))));
      }
      if (fault.kind() == FaultInjector.Kind.FAIL) {
        throw fault.status() >= 500
            ? ApiError.system(fault.status(), "Injected fault: the service is unavailable, retry later")
            : ApiError.request(fault.status(), "Injected fault");
      }
      if (fault.kind() == FaultInjector.Kind.RATE_LIMIT) {
        throw ApiError.singular(429, RATE_LIMIT_MESSAGE)
            .withHeaders(Map.of("Retry-After", Integer.toString(fault.retryAfter())));
      }
      requestBody =
          bodies.read(ex.getRequestBody(), headers.get("content-length"), headers.get("content-encoding"));
      response = route(method, rawPath, target, rawQuery, headers, requestBody, token, now);
    } catch (ApiError e) {
      response = e.toResponse(now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = ApiError.system(503, "The emulator is shutting down").toResponse(now);
    } catch (RuntimeException | Error e) {
      if (config.log() != null) {
        config.log().accept("error while answering " + method + " " + target + ": " + e);
      }
      response =
          ApiError.system("Internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage()).toResponse(now);
    }
    // Logged before the answer goes out, so a client that has its answer also finds the line in the log.
    RequestLog.write(config.log(), config.logBodies(), method, target, Integer.toString(response.status()),
        response.body().length, started, requestBody, response);
    send(ex, response, extra);
  }

  private ApiResponse route(
      String method,
      String rawPath,
      String target,
      String rawQuery,
      Map<String, String> headers,
      byte[] body,
      String token,
      long now) {
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1)
        : rawPath;
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    ApiRequest request =
        new ApiRequest(method, target, segments, Map.of(), Wire.query(rawQuery), headers, body, token, now);
    Router.Match match = router.match(method, segments).orElse(null);
    if (match == null) {
      if (router.knowsPath(segments)) {
        throw ApiError.request(405, "Method " + method + " is not allowed for " + path);
      }
      throw ApiError.notFound("Not found");
    }
    return match.handler().handle(request.withPathParams(match.pathParams()));
  }

  /**
   * Temporary, until the front has public routes: the web console's files outside {@code /v1}, answered without a
   * token, rate limit or faults.
   */
  private ApiResponse consoleFile(String method, String rawPath, String target, Map<String, String> headers,
      long now) {
    try {
      if (!method.equals("GET") && !method.equals("HEAD")) {
        throw ApiError.request(405, "Method " + method + " is not allowed for " + rawPath);
      }
      String file = rawPath.startsWith("/console/")
          ? URLDecoder.decode(rawPath.substring("/console/".length()).replace("+", "%2B"), StandardCharsets.UTF_8)
          : rawPath.equals("/") ? null : "";
      ApiRequest request = new ApiRequest(method, target, List.of(), file == null ? Map.of() : Map.of("file", file),
          Map.of(), headers, new byte[0], null, now);
      return file == null ? console.index(request) : console.file(request);
    } catch (ApiError e) {
      return e.toResponse(now);
    } catch (IllegalArgumentException e) {
      return ApiError.request(400, "Malformed path: " + rawPath).toResponse(now);
    }
  }

  private static ApiError unauthorized(String method) {
    return method.equals("POST")
        ? ApiError.text(401, "Credentials are required to access this resource.")
        : ApiError.request(401, "Authorization Required");
  }




  private void send(HttpExchange ex, ApiResponse response, Map<String, String> extra) throws IOException {
    try {
      response.headers().forEach(ex.getResponseHeaders()::set);
      extra.forEach(ex.getResponseHeaders()::set);
      byte[] body = response.body();
      boolean noBody = body.length == 0 || response.status() == 204 || ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      ex.close();
    }
  }


}
