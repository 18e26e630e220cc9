package dev.appoptics.cli;

import dev.appoptics.metrics.AppOpticsException;
import dev.appoptics.metrics.InvalidInputException;
import dev.appoptics.metrics.PagingException;
import dev.appoptics.metrics.JobFailedException;
import dev.appoptics.metrics.JobTimeoutException;
import dev.appoptics.metrics.TransportException;

/** Says what an error from the client library means for someone at a terminal, and what to do about it. */
final class ApiFailures {
  private ApiFailures() {}

  static Failure describe(AppOpticsException ex) {
    if (ex instanceof InvalidInputException invalid) {
      return new Failure("invalid " + invalid.errorMessage(), "fix the value and try again", ExitCodes.USAGE);
    }
    if (ex instanceof JobFailedException) {
      return new Failure(ex.errorMessage(), "", ExitCodes.FAILURE);
    }
    if (ex instanceof JobTimeoutException) {
      return new Failure(ex.errorMessage(), "it may still finish; 'appoptics snapshot get' shows whether it has",
          ExitCodes.FAILURE);
    }
    String request = ex.method().isEmpty() ? "" : ex.method() + " " + ex.path();
    if (ex instanceof PagingException) {
      return new Failure("paging " + request + " stopped: " + ex.errorMessage(),
          "the server's paging is broken; try again later or report it", ExitCodes.FAILURE);
    }
    if (ex instanceof TransportException) {
      return new Failure(
          "no answer to " + request + ": " + ex.errorMessage(),
          "check --endpoint and that the server is reachable",
          ExitCodes.FAILURE);
    }
    String message = ex.errorMessage().isEmpty() ? "" : ": " + ex.errorMessage();
    return new Failure(
        ex.status() + " " + reason(ex.status()) + " from " + request + message, hint(ex), ExitCodes.FAILURE);
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Already Exists";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      case 507 -> "Insufficient Storage";
      default -> status >= 500 ? "Server Error" : "Error";
    };
  }

  private static String hint(AppOpticsException ex) {
    int status = ex.status();
    return switch (status) {
      case 400 -> "fix the value named above and try again";
      case 401 -> "check the token (--token or APPOPTICS_TOKEN)";
      case 403 -> "this token may not do that, or a limit was reached; use a token with the needed role";
      case 404 -> notFoundHint(ex.path());
      case 422 -> "it exists already; pick another name or update the existing one";
      case 429 -> "rate limited; wait a little and try again";
      default -> status >= 500 ? "the service has a problem; try again later" : "";
    };
  }

  /**
   * What to check after a 404 on {@code path}: the command that lists what exists ({@code /v1/metrics/cpu} →
   * {@code appoptics metrics list}; measurements live under metrics), or where ids come from when nothing lists them.
   */
  static String notFoundHint(String path) {
    String[] segments = path.replaceFirst("^/?v1/", "").split("/");
    String area = segments.length == 0 || segments[0].isEmpty() ? "metrics" : segments[0];
    String list = switch (area) {
      case "measurements" -> "appoptics metrics list";
      case "api_tokens" -> "appoptics tokens list";
      case "snapshots", "jobs" -> null;
      default -> area.equals("spaces") && segments.length > 2 && segments[2].equals("charts")
          ? "appoptics charts list " + segments[1]
          : "appoptics " + area + " list";
    };
    return list == null
        ? "check the id; 'appoptics snapshot create' shows the ids of a snapshot and its job"
        : "check the name or id; '" + list + "' shows what exists";
  }
}
