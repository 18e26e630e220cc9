package dev.appoptics.emulator.internal.http;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses by itself, before the front sees a request (a request line or header it cannot parse,
 * a bad {@code Content-Length}, a URL or headers over the limit, a handler failure), with the API's error body
 * instead of Jetty's HTML page. Jetty's reason is kept when it is plain words; it never names an exception class.
 */
final class JsonErrorHandler implements Request.Handler {
  /** Plain words only: no exception class names, package names or stack traces leak into an answer. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 ,;:'=<>()/_+-]{1,120}");

  private final Clock clock;
  private final int maxHeaderBytes;
  private final BiConsumer<RequestLog.Entry, ApiResponse> refused;

  /** {@code refused} counts and logs each answer (see {@link HttpFront#refused}). */
  JsonErrorHandler(Clock clock, int maxHeaderBytes, BiConsumer<RequestLog.Entry, ApiResponse> refused) {
    this.clock = clock;
    this.maxHeaderBytes = maxHeaderBytes;
    this.refused = refused;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : 500;
    String reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String m ? m : null;
    Object failure = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
    ApiResponse answer = describe(status, reason, failure).toResponse(clock.instant().getEpochSecond());
    // what Jetty refused before routing (and 503 during shutdown) counts under no route
    refused.accept(entry(request, status, answer.body().length), answer);
    response.setStatus(status);
    answer.headers().forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    return true;
  }

  /** What is known of a request Jetty could not take: any part may be missing, and a long one is cut. */
  private static RequestLog.Entry entry(Request request, int status, int bytes) {
    String method = request.getMethod() == null ? "other" : request.getMethod();
    String path = "-";
    String query = null;
    try {
      HttpURI uri = request.getHttpURI();
      if (uri != null && uri.getPath() != null) {
        path = cut(uri.getPath());
        query = uri.getQuery() == null ? null : cut(uri.getQuery());
      }
    } catch (RuntimeException unparsed) {
      // a URL Jetty could not read: logged as "-"
    }
    String userAgent = request.getHeaders() == null ? null : request.getHeaders().get(HttpHeader.USER_AGENT);
    return new RequestLog.Entry(method, path, query, "other", Integer.toString(status), bytes, 0,
        Request.getRemoteAddr(request), userAgent == null ? null : cut(userAgent));
  }

  private static String cut(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private ApiError describe(int status, String reason, Object failure) {
    if (status == 400 && !plain(status, reason) && failure instanceof Throwable t) {
      ApiError named = fromCause(t.getCause());
      if (named != null) {
        return named;
      }
    }
    return switch (status) {
      case 414 -> ApiError.request(414, "The URL is longer than the limit of " + maxHeaderBytes + " bytes");
      case 431 -> ApiError.request(431, "The request headers are larger than the limit of " + maxHeaderBytes
          + " bytes");
      case 408 -> ApiError.request(408, "The request did not arrive in time");
      case 413 -> ApiError.request(413, "The request body is too large");
      case 503 -> ApiError.system(503, "The server is unavailable (shutting down); retry shortly");
      default -> status == 500
          ? ApiError.system(status, "Internal error: the emulator could not answer this request")
          : ApiError.request(status, HttpStatus.getMessage(status)
              + (plain(status, reason) ? ": " + reason : ""));
    };
  }

  /**
   * Jetty's plain 400 "Bad Request" carries what failed only as its cause: a URL it could not decode or normalize,
   * or a number in a header that does not fit. Named here in words.
   */
  private static ApiError fromCause(Throwable cause) {
    if (cause instanceof NumberFormatException
        || cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("%")) {
      return ApiError.request(400, "The URL could not be decoded: malformed percent-encoding");
    }
    if (cause instanceof IllegalArgumentException) {
      return ApiError.request(400, "The URL's path is not valid (it may climb above the root with ..)");
    }
    if (cause instanceof ArithmeticException) {
      return ApiError.request(400, "A number in the request headers (such as Content-Length) is out of range");
    }
    return null;
  }

  private static boolean plain(int status, String reason) {
    return reason != null && PLAIN.matcher(reason).matches() && !reason.contains("Exception")
        && !reason.equalsIgnoreCase(HttpStatus.getMessage(status));
  }
}
