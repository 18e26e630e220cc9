package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON-over-HTTP layer every API area uses: builds the URI from the base URI and escaped path segments, adds
 * auth and user agent, sends through the transport, maps error statuses to the {@link AppOpticsException} hierarchy
 * and decodes JSON answers. Thread-safe.
 *
 * <p>Contract for the areas: paths are relative to the base URI ("spaces/12/charts"), built with {@link #path};
 * answers without a body decode to a missing node ({@code JsonNode#isMissingNode()}).
 */
final class Rest {
  // CONTRACT STUB — implemented by the client core.

  /** Joins raw segments into a relative path, URL-escaping each one ("metrics", "a b") → "metrics/a%20b". */
  static String path(Object... segments) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  ObjectMapper mapper() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  JsonNode get(String path, Query query) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  JsonNode post(String path, JsonNode body) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  JsonNode put(String path, JsonNode body) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** DELETE, with a JSON body when {@code body} is not null (batch metric delete). */
  JsonNode delete(String path, JsonNode body) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
