package dev.appoptics.metrics;

import java.util.List;

/** The token may not perform this action on this resource (403). */
public class ForbiddenException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public ForbiddenException(String method, String path, List<String> errors, String responseBody) {
    super(403, method, path, errors, responseBody);
  }
}
