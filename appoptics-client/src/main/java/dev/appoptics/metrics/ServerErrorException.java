package dev.appoptics.metrics;

import java.util.List;

/** The service failed (any 5xx status); usually worth retrying later. */
public class ServerErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public ServerErrorException(int status, String method, String path, List<String> errors, String responseBody) {
    super(status, method, path, errors, responseBody);
  }
}
