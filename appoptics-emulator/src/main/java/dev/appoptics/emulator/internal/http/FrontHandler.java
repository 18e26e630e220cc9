package dev.appoptics.emulator.internal.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * One request through the front, as a Jetty core handler. A public route is answered at once, an admin route once
 * the token is found to be an admin's. Anything else gets, in order: injected faults, the {@code /v1} check, the
 * token (password slot if non-empty, else user slot), the rate limit; then the body is read (size limit, {@code
 * Content-Encoding}) and the router picks the module's handler.
 * Every refusal is an API error body; one refused before its body was read answers once the body is swallowed
 * ({@link BodyReader}). Nothing here waits on a slow client: the body arrives through Jetty's demand callbacks and
 * injected latency through its scheduler.
 */
final class FrontHandler extends Handler.Abstract {
  private static final String RATE_LIMIT_MESSAGE =
      "You have hit the API limit for measurements [measure:raw_rate]. "
          + "Contact: support@appoptics.com to adjust this limit.";

  private final HttpFront front;
  private final HttpFront.Config config;
  private final Router router;
  private final RateLimiter rateLimiter;
  private final FaultInjector faults;
  private final AtomicLong requests;

  FrontHandler(HttpFront front, Router router, RateLimiter rateLimiter, FaultInjector faults, AtomicLong requests) {
    this.front = front;
    this.config = front.config();
    this.router = router;
    this.rateLimiter = rateLimiter;
    this.faults = faults;
    this.requests = requests;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    new Exchange(request, response, callback).start();
    return true;
  }

  /** The state of one request on its way through the steps above. */
  private final class Exchange implements BodyReader.Outcome {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long started = System.nanoTime();
    private final long now = config.clock().instant().getEpochSecond();
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final String target;
    private List<String> segments;
    private Router.Match match;
    private String token;
    private RateLimiter.Decision limit;
    private boolean gzip;
    private byte[] body;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.method = request.getMethod().toUpperCase(Locale.ROOT);
      HttpURI uri = request.getHttpURI();
      this.rawPath = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
      this.rawQuery = uri.getQuery();
      this.target = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    void start() {
      guarded(this::begin);
    }

    private void begin() {
      segments = PathSegments.decode(rawPath);
      match = router.match(method, segments).orElse(null);
      if (router.isPublic(segments)) {
        readBody();
        return;
      }
      if (front.phase() == HttpFront.Phase.STARTING) {
        throw ApiError.system(503, "The server is starting (recovering its data); retry shortly")
            .withHeaders(Map.of("Retry-After", "1"));
      }
      if (router.isAdmin(segments)) {
        token = Wire.token(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        config.access().checkAdmin(token, method);
        readBody();
        return;
      }
      requests.incrementAndGet();
      FaultInjector.Decision fault = faults.next();
      if (fault.delayMillis() > 0) {
        Runnable resume = () -> request.getComponents().getExecutor().execute(() -> guarded(() -> api(fault)));
        request.getComponents().getScheduler().schedule(resume, fault.delayMillis(), TimeUnit.MILLISECONDS);
      } else {
        api(fault);
      }
    }

    /** Runs a step before the body is read: a refusal swallows the body first, a failure is a 500. */
    private void guarded(Runnable step) {
      try {
        step.run();
      } catch (ApiError e) {
        refuseUnread(e);
      } catch (RuntimeException | Error e) {
        answer(internalError(e));
      }
    }

    private void api(FaultInjector.Decision fault) {
      if (fault.kind() == FaultInjector.Kind.DROP) {
        drop();
        return;
      }
      if (!rawPath.equals("/v1") && !rawPath.startsWith("/v1/")) {
        throw ApiError.notFound("Not found");
      }
      token = Wire.token(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      config.access().check(token, method, segments);
      limit = rateLimiter.acquire(token, now);
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
      readBody();
    }

    private void readBody() {
      long length = request.getLength();
      boolean hasBody = length > 0 || length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
      // Clients may send the header on every request, bodyless ones included: only a body has to be decodable.
      gzip = hasBody && ContentEncodings.isGzip(request.getHeaders().get(HttpHeader.CONTENT_ENCODING));
      BodyReader.read(request, config.maxBodyBytes(), this);
    }

    @Override
    public void body(byte[] raw) {
      try {
        body = gzip && raw.length > 0 ? ContentEncodings.inflate(raw, config.maxBodyBytes()) : raw;
        answer(route());
      } catch (ApiError e) {
        answer(e.toResponse(now));
      } catch (RuntimeException | Error e) {
        answer(internalError(e));
      }
    }

    @Override
    public void refused(ApiError error) {
      answer(error.toResponse(now));
    }

    private void refuseUnread(ApiError error) {
      BodyReader.discard(request, error, this);
    }

    private ApiResponse route() {
      ApiRequest apiRequest = new ApiRequest(method, target, segments, Map.of(), Wire.query(rawQuery),
          Wire.headers(request.getHeaders()), body, token, now);
      if (match == null) {
        if (router.knowsPath(segments)) {
          throw ApiError.request(405, "Method " + method + " is not allowed for " + rawPath);
        }
        throw ApiError.notFound("Not found");
      }
      return match.handler().handle(apiRequest.withPathParams(match.pathParams()));
    }

    private ApiResponse internalError(Throwable e) {
      front.log().error(method, target, e);
      return ApiError.system("Internal error while answering " + method + " " + rawPath).toResponse(now);
    }

    private void drop() {
      finished("dropped", 0, null, null);
      request.getConnectionMetaData().getConnection().getEndPoint().close();
      callback.failed(new EofException("connection dropped by an injected fault"));
    }

    private void answer(ApiResponse answer) {
      ByteBuffer content;
      try {
        content = prepare(answer);
      } catch (RuntimeException | Error e) {
        answer.sent(); // it never goes out: release what it holds back
        throw e;
      }
      response.write(true, content, Callback.from(callback, answer::sent));
    }

    /** Logs and counts the answer, sets its status and headers; returns its content. */
    private ByteBuffer prepare(ApiResponse answer) {
      // Logged before the answer goes out, so a client that has its answer also finds the line in the log.
      finished(Integer.toString(answer.status()), answer.body().length, body, answer);
      response.setStatus(answer.status());
      HttpFields.Mutable headers = response.getHeaders();
      answer.headers().forEach(headers::put);
      if (limit != null) {
        String value = limit.header();
        headers.put("X-Librato-RateLimit-Std", value);
        headers.put("X-Librato-RateLimit-Agg", value);
      }
      byte[] bytes = answer.body();
      boolean noBody = bytes.length == 0 || answer.status() == 204 || method.equals("HEAD");
      if (!noBody) {
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
      }
      return noBody ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(bytes);
    }

    /** Counts the exchange for {@code /metrics} and writes its request log line. */
    private void finished(String status, int bytes, byte[] requestBody, ApiResponse answer) {
      long nanos = System.nanoTime() - started;
      String route = match == null ? "other" : match.route();
      front.figures().record(method, route, status, nanos);
      String remote = Request.getRemoteAddr(request);
      String userAgent = request.getHeaders().get(HttpHeader.USER_AGENT);
      front.log().write(new RequestLog.Entry(method, rawPath, rawQuery, route, status, bytes, nanos, remote,
          userAgent), requestBody, answer);
    }
  }
}
