package dev.appoptics.metrics;

import java.util.List;

/**
 * The service took a measurement payload (2xx) but reported some measurements as refused ({@code "failed"} above 0 or
 * a non-empty {@code errors} list in the answer). The accepted ones are stored, so the payload must not be re-sent
 * as a whole; a {@link Queue} therefore does not put such a chunk back.
 */
public class PartialFailureException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public PartialFailureException(int status, String path, List<String> errors, String responseBody) {
    super(status, "POST", path, errors, responseBody);
  }
}
