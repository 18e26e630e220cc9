package dev.appoptics.metrics;

import java.util.Iterator;
import java.util.List;

/**
 * One page of a paginated list together with the API's {@code query} block: {@link #offset()} (items skipped),
 * {@link #length()} (items in this page), {@link #found()} (items matching the filter) and {@link #total()} (all
 * items of that kind). Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> implements Iterable<T> {
  private final List<T> items;
  private final int offset;
  private final int length;
  private final int found;
  private final int total;

  Page(List<T> items, int offset, int length, int found, int total) {
    this.items = List.copyOf(items);
    this.offset = offset;
    this.length = length;
    this.found = found;
    this.total = total;
  }

  /** The items of this page, in the server's order. */
  public List<T> items() {
    return items;
  }

  /** How many items the server skipped before this page. */
  public int offset() {
    return offset;
  }

  /** How many items this page holds, as the server reported it. */
  public int length() {
    return length;
  }

  /** How many items match the filter across all pages. */
  public int found() {
    return found;
  }

  /** How many items of this kind the account holds. */
  public int total() {
    return total;
  }

  /** Whether items remain after this page ({@code offset + items < found} and this page was not empty). */
  public boolean hasMore() {
    return !items.isEmpty() && offset + items.size() < found;
  }

  /** The offset of the next page. */
  public int nextOffset() {
    return offset + items.size();
  }

  @Override
  public Iterator<T> iterator() {
    return items.iterator();
  }

  @Override
  public String toString() {
    return "Page{offset=" + offset + ", length=" + length + ", found=" + found + ", total=" + total
        + ", items=" + items + "}";
  }
}
