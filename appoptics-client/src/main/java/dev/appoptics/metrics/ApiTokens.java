package dev.appoptics.metrics;

import java.util.stream.Stream;

/** The API tokens area. */
final class ApiTokens {
  private static final String ROOT = "api_tokens";

  private final Rest rest;

  ApiTokens(Rest rest) {
    this.rest = rest;
  }

  Stream<ApiToken> list(ListOptions options) {
    return Pages.stream(rest, ROOT, options.toQuery(), "api_tokens", ApiTokenCodec::token);
  }

  ApiToken get(long id) {
    return ApiTokenCodec.token(rest.get(Rest.path(ROOT, id), Query.create()));
  }

  ApiToken create(ApiToken token) {
    Check.notNull("token", token);
    return ApiTokenCodec.token(rest.post(ROOT, ApiTokenCodec.toJson(token)));
  }

  /** Stores name, role and active of a token read from the service; answers the token as stored. */
  ApiToken update(ApiToken token) {
    Check.notNull("token", token);
    long id = token.id().orElseThrow(() -> ResourceChecks.invalid("id", null, "is missing: create the token first"));
    return ApiTokenCodec.token(rest.put(Rest.path(ROOT, id), ApiTokenCodec.toJson(token)));
  }

  void delete(long id) {
    rest.delete(Rest.path(ROOT, id), null);
  }
}
