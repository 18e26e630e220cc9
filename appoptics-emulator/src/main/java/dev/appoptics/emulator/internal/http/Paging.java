package dev.appoptics.emulator.internal.http;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's offset/length pagination for list endpoints: {@code offset} (default 0), {@code length} (default and
 * maximum 100), {@code sort} ({@code asc}|{@code desc}), and the {@code query} block
 * {@code {"found","length","offset","total"}} where {@code length} is the number of items in this page. Values out
 * of range are refused with a 400 naming the parameter, never clamped.
 */
public final class Paging {
  public static final int MAX_LENGTH = 100;

  private final int offset;
  private final int length;
  private final boolean descending;

  private Paging(int offset, int length, boolean descending) {
    this.offset = offset;
    this.length = length;
    this.descending = descending;
  }

  /** Reads and validates offset, length and sort; bad values are a 400 naming the parameter. */
  public static Paging of(ApiRequest request) {
    long offset = request.queryLong("offset").orElse(0L);
    long length = request.queryLong("length").orElse((long) MAX_LENGTH);
    if (offset < 0 || offset > Integer.MAX_VALUE) {
      throw ApiError.params("offset", "must be between 0 and " + Integer.MAX_VALUE + ", was " + offset);
    }
    if (length < 1 || length > MAX_LENGTH) {
      throw ApiError.params("length", "must be between 1 and " + MAX_LENGTH + ", was " + length);
    }
    String sort = request.query("sort").orElse("asc");
    if (!sort.equals("asc") && !sort.equals("desc")) {
      throw ApiError.params("sort", "must be asc or desc");
    }
    return new Paging((int) offset, (int) length, sort.equals("desc"));
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  public boolean descending() {
    return descending;
  }

  /**
   * One page of {@code found} (already filtered) out of {@code total} resources, sorted by {@code order}, as
   * {@code {"query":{…}, key:[…]}}.
   */
  public <T> Map<String, Object> page(String key, List<T> found, int total, Comparator<? super T> order) {
    Comparator<? super T> sorted = descending ? order.reversed() : order;
    List<T> items = found.stream().sorted(sorted).skip(offset).limit(length).toList();
    return body(key, items, found.size(), total);
  }

  /** The answer for a page already cut (by a source that keeps its items sorted): {@code {"query":…, key:[…]}}. */
  public Map<String, Object> body(String key, List<?> items, int found, int total) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("found", found);
    query.put("length", items.size());
    query.put("offset", offset);
    query.put("total", total);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put(key, items);
    return body;
  }
}
