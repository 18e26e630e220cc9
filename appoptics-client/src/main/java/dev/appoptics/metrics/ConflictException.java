package dev.appoptics.metrics;

import java.util.List;

/** The request conflicts with the resource's current state (409). */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public ConflictException(String method, String path, List<String> errors, String responseBody) {
    super(409, method, path, errors, responseBody);
  }
}
