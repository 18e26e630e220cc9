package dev.appoptics.metrics;

import java.util.List;

/** The entity already exists (422): the API's answer to a create that clashes. */
public class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; used by the HTTP layer. */
  public UnprocessableEntityException(String method, String path, List<String> errors, String responseBody) {
    super(422, method, path, errors, responseBody);
  }
}
