package dev.appoptics.metrics;

import java.util.List;

/**
 * Base of every error this library throws. Unchecked. Carries the HTTP status ({@code 0} when nothing was answered:
 * transport failures and client-side validation), the request's method and path, and the parsed error messages.
 *
 * <p>{@link #getMessage()} reads like {@code [400] POST /v1/measurements: params: name: is not present}.
 */
public abstract class AppOpticsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final List<String> errors;
  private final String responseBody;

  AppOpticsException(
      int status, String method, String path, List<String> errors, String responseBody, Throwable cause) {
    super(format(status, method, path, errors), cause);
    this.status = status;
    this.method = method == null ? "" : method;
    this.path = path == null ? "" : path;
    this.errors = List.copyOf(errors);
    this.responseBody = responseBody == null ? "" : responseBody;
  }

  private static String format(int status, String method, String path, List<String> errors) {
    StringBuilder sb = new StringBuilder();
    if (status != 0) {
      sb.append('[').append(status).append(']');
    }
    if (method != null && !method.isEmpty()) {
      sb.append(sb.length() > 0 ? " " : "").append(method).append(' ').append(path);
    }
    if (!errors.isEmpty()) {
      sb.append(sb.length() > 0 ? ": " : "").append(String.join(", ", errors));
    }
    return sb.toString();
  }

  /** The HTTP status, or 0 when no response was received (transport failure, client-side validation). */
  public int status() {
    return status;
  }

  /** The request's HTTP method ("GET", "POST", …), or "" for client-side validation errors. */
  public String method() {
    return method;
  }

  /** The request's path without the query ("/v1/metrics/cpu"), or "" for client-side validation errors. */
  public String path() {
    return path;
  }

  /** Every parsed error message as "field: message" (or just "message" when the body names no field). */
  public List<String> errors() {
    return errors;
  }

  /** The parsed messages joined with ", "; empty when the answer carried none. */
  public String errorMessage() {
    return String.join(", ", errors);
  }

  /** The raw response body as text (empty when there was none). */
  public String responseBody() {
    return responseBody;
  }
}
