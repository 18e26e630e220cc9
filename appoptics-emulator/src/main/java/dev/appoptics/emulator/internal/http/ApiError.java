package dev.appoptics.emulator.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer that is an API error, thrown from handlers. The factories produce the body shapes the real service uses
 * (see the API reference, "Error body shapes"): grouped {@code params}/{@code request}/{@code system} lists, a flat
 * {@code errors} list, or a singular {@code error} string.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, Object> body;
  private final boolean withRequestTime;
  private final transient Map<String, String> headers;
  private final String plainText;

  private ApiError(int status, Map<String, Object> body, boolean withRequestTime, Map<String, String> headers) {
    this(status, body, withRequestTime, headers, null);
  }

  private ApiError(
      int status, Map<String, Object> body, boolean withRequestTime, Map<String, String> headers, String plainText) {
    super(status + " " + (plainText == null ? body : plainText), null, false, false);
    this.status = status;
    this.body = body;
    this.withRequestTime = withRequestTime;
    this.headers = headers;
    this.plainText = plainText;
  }

  /** A {@code text/plain} answer: the 401 the service sends on POST requests. */
  public static ApiError text(int status, String message) {
    return new ApiError(status, Map.of(), false, Map.of(), message);
  }

  /** 400 {@code {"errors":{"params":{field:[messages]}},"request_time":t}}. */
  public static ApiError params(String field, String... messages) {
    return paramsMap(Map.of(field, List.of(messages)));
  }

  /** 400 with several fields; values are message lists or nested maps (alert conditions). */
  public static ApiError paramsMap(Map<String, ?> fields) {
    return new ApiError(400, Map.of("errors", Map.of("params", new LinkedHashMap<>(fields))), true, Map.of());
  }

  /** {@code {"errors":{"request":[message]}}} with the given status. */
  public static ApiError request(int status, String message) {
    return new ApiError(status, Map.of("errors", Map.of("request", List.of(message))), false, Map.of());
  }

  /** {@code {"errors":[messages]}}: payload-level errors such as an empty measurement list. */
  public static ApiError flat(int status, String... messages) {
    return new ApiError(status, Map.of("errors", List.of(messages)), false, Map.of());
  }

  /** {@code {"error":message,"request_time":t}}: rate limits and plan errors. */
  public static ApiError singular(int status, String message) {
    return new ApiError(status, Map.of("error", message), true, Map.of());
  }

  /** 500 {@code {"errors":{"system":[message]}}}: an unexpected failure, never a stack trace. */
  public static ApiError system(String message) {
    return system(500, message);
  }

  /** {@code {"errors":{"system":[message]}}} with a 5xx status (maintenance, injected faults). */
  public static ApiError system(int status, String message) {
    return new ApiError(status, Map.of("errors", Map.of("system", List.of(message))), false, Map.of());
  }

  public static ApiError notFound(String message) {
    return request(404, message);
  }

  /** 422: the entity already exists. */
  public static ApiError alreadyExists(String field, String message) {
    return new ApiError(422, Map.of("errors", Map.of("params", Map.of(field, List.of(message)))), true, Map.of());
  }

  /** A copy that also sends these headers (Retry-After, rate-limit headers). */
  public ApiError withHeaders(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new ApiError(status, body, withRequestTime, Map.copyOf(merged), plainText);
  }

  public int status() {
    return status;
  }

  public ApiResponse toResponse(long requestTime) {
    if (plainText != null) {
      ApiResponse text = ApiResponse.text(status, plainText);
      for (Map.Entry<String, String> h : headers.entrySet()) {
        text = text.withHeader(h.getKey(), h.getValue());
      }
      return text;
    }
    Map<String, Object> out = new LinkedHashMap<>(body);
    if (withRequestTime) {
      out.put("request_time", requestTime);
    }
    ApiResponse response = ApiResponse.json(status, out);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      response = response.withHeader(h.getKey(), h.getValue());
    }
    return response;
  }
}
