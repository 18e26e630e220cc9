package dev.appoptics.metrics;

import java.util.List;

/** The resource does not exist or is not visible to this token (404). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public NotFoundException(String method, String path, List<String> errors, String responseBody) {
    super(404, method, path, errors, responseBody);
  }
}
