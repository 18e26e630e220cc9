package dev.appoptics.metrics;

import java.util.List;

/**
 * The API answered with an error status. Subclasses name the common statuses; this class itself is thrown for any
 * other status (415, 418, …).
 */
public class ApiException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  /** Creates an error for an answer with the given status; used by the HTTP layer. */
  public ApiException(int status, String method, String path, List<String> errors, String responseBody) {
    super(status, method, path, errors, responseBody, null);
  }
}
