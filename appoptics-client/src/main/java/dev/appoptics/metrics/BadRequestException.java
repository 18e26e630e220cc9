package dev.appoptics.metrics;

import java.util.List;

/** The request was invalid (400): a bad parameter, a malformed body. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public BadRequestException(String method, String path, List<String> errors, String responseBody) {
    super(400, method, path, errors, responseBody);
  }
}
