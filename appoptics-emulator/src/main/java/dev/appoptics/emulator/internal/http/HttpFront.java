package dev.appoptics.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.appoptics.emulator.Faults;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
    try {
      FaultInjector.Decision fault = faults.next();
      if (fault.delayMillis() > 0) {
        Thread.sleep(fault.delayMillis());
      }
      if (fault.kind() == FaultInjector.Kind.DROP) {
        ex.close();
        log(method, target, "dropped", 0, started, null, null);
        return;
      }
      Map<String, String> headers = headers(ex);
      if (!rawPath.equals("/v1") && !rawPath.startsWith("/v1/")) {
        throw ApiError.notFound("Not found");
      }
      String token = token(headers.get("authorization"));
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
    log(method, target, Integer.toString(response.status()), response.body().length, started, requestBody,
        response);
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
        new ApiRequest(method, target, segments, Map.of(), query(rawQuery), headers, body, token, now);
    Router.Match match = router.match(method, segments).orElse(null);
    if (match == null) {
      if (router.knowsPath(segments)) {
        throw ApiError.request(405, "Method " + method + " is not allowed for " + path);
      }
      throw ApiError.notFound("Not found");
    }
    return match.handler().handle(request.withPathParams(match.pathParams()));
  }

  private static ApiError unauthorized(String method) {
    return method.equals("POST")
        ? ApiError.text(401, "Credentials are required to access this resource.")
        : ApiError.request(401, "Authorization Required");
  }

  /** The token from a Basic header: the password when non-empty, else the user; null when there is none. */
  static String token(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    String token = password.isEmpty() ? user : password;
    return token.isEmpty() ? null : token;
  }

  private static Map<String, String> headers(HttpExchange ex) {
    Map<String, String> out = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k.toLowerCase(Locale.ROOT), v.get(0));
      }
    });
    return out;
  }

  static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        k = URLDecoder.decode(k, StandardCharsets.UTF_8);
        v = URLDecoder.decode(v, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.request(400, "Malformed query parameter: " + pair);
      }
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
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

  private void log(String method, String target, String status, int bytes, long started, byte[] requestBody,
      ApiResponse response) {
    Consumer<String> sink = config.log();
    if (sink == null) {
      return;
    }
    StringBuilder line = new StringBuilder()
        .append(method).append(' ').append(target).append(" -> ").append(status).append(' ')
        .append(bytes).append("B ")
        .append(String.format(Locale.ROOT, "%.1fms", (System.nanoTime() - started) / 1e6));
    if (config.logBodies()) {
      if (requestBody != null && requestBody.length > 0) {
        line.append("\n  > ").append(truncate(new String(requestBody, StandardCharsets.UTF_8)));
      }
      if (response != null && response.body().length > 0) {
        line.append("\n  < ").append(truncate(response.bodyText()));
      }
    }
    sink.accept(line.toString());
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " chars)";
  }
}
