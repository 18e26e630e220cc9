package dev.appoptics.metrics;

import java.util.List;

/** The token is missing or unknown (401). */
public class UnauthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public UnauthorizedException(String method, String path, List<String> errors, String responseBody) {
    super(401, method, path, errors, responseBody);
  }
}
