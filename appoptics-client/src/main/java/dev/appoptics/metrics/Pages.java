package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.stream.Stream;

/** Lazy pagination over the API's offset/length lists. */
final class Pages {
  // CONTRACT STUB — implemented by the client core.

  private Pages() {}

  /**
   * Streams every item of a paginated list ({@code GET path?query&offset=…}), fetching one page at a time as the
   * stream is consumed; {@code key} is the array field ("metrics", "spaces", …) and {@code parse} turns one element
   * into a model. Stops when {@code offset >= found} or a page is empty.
   */
  static <T> Stream<T> stream(Rest rest, String path, Query query, String key, Function<JsonNode, T> parse) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
