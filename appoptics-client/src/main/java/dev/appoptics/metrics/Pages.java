package dev.appoptics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy pagination over the API's offset/length lists. */
final class Pages {
  private Pages() {}

  /** Fetches one page: {@code GET path?query}, items from the {@code key} array, counts from the query block. */
  static <T> Page<T> page(Rest rest, String path, Query query, String key, Function<JsonNode, T> parse) {
    JsonNode answer = rest.get(path, query);
    List<T> items = new ArrayList<>();
    JsonNode array = answer.isArray() ? answer : answer.path(key);
    for (JsonNode item : array) {
      items.add(parse.apply(item));
    }
    JsonNode q = answer.path("query");
    int offset = q.path("offset").asInt(query.get("offset").map(Integer::parseInt).orElse(0));
    int length = q.path("length").asInt(items.size());
    // without a query block the answer is complete: "found" is what we hold
    int found = q.path("found").asInt(q.path("total").asInt(offset + items.size()));
    int total = q.path("total").asInt(found);
    return new Page<>(items, offset, length, found, total);
  }

  /**
   * Streams every item of a paginated list ({@code GET path?query&offset=…}), fetching one page at a time as the
   * stream is consumed; {@code key} is the array field ("metrics", "spaces", …) and {@code parse} turns one element
   * into a model. Stops when {@code offset >= found} or a page is empty; throws a {@link PagingException} when a page
   * answers another offset than the one asked for (the paging would not advance) or after
   * {@link PagingException#MAX_PAGES} pages.
   */
  static <T> Stream<T> stream(Rest rest, String path, Query query, String key, Function<JsonNode, T> parse) {
    return stream(rest, path, query, key, parse, PagingException.MAX_PAGES);
  }

  /** {@link #stream} with another bound on pages (tests reach it without ten thousand requests). */
  static <T> Stream<T> stream(Rest rest, String path, Query query, String key, Function<JsonNode, T> parse,
      int maxPages) {
    Iterator<T> iterator = new PagingIterator<>(rest, path, query.copy(), key, parse, maxPages);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static final class PagingIterator<T> implements Iterator<T> {
    private final Rest rest;
    private final String path;
    private final Query query;
    private final String key;
    private final Function<JsonNode, T> parse;
    private Iterator<T> current = java.util.Collections.emptyIterator();
    private int nextOffset;
    private final int maxPages;
    private int pages;
    private boolean done;

    PagingIterator(Rest rest, String path, Query query, String key, Function<JsonNode, T> parse, int maxPages) {
      this.maxPages = maxPages;
      this.rest = rest;
      this.path = path;
      this.query = query;
      this.key = key;
      this.parse = parse;
      this.nextOffset = query.get("offset").map(Integer::parseInt).orElse(0);
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !done) {
        if (pages == maxPages) {
          throw new PagingException(rest.shownPath(path), "the list did not end after " + pages + " pages (at offset "
              + nextOffset + "); the server's paging looks broken");
        }
        int asked = nextOffset;
        Page<T> page = page(rest, path, query.set("offset", asked), key, parse);
        pages++;
        if (page.offset() != asked) {
          throw new PagingException(rest.shownPath(path), "asked for the page at offset " + asked
              + " and the server answered offset " + page.offset() + "; the paging would not advance");
        }
        current = page.items().iterator();
        done = !page.hasMore();
        if (!done && page.nextOffset() < asked) {
          throw new PagingException(rest.shownPath(path), "the page at offset " + asked + " would be followed by"
              + " offset " + page.nextOffset() + ", past the largest offset the API takes");
        }
        nextOffset = page.nextOffset();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
