package dev.appoptics.metrics;

import java.util.List;

/**
 * A paginated read stopped because the server's paging was not making progress: a page answered with another offset
 * than the one asked for, a {@code next} link already followed, or more pages than the hard bound
 * ({@link #MAX_PAGES} for lists). The items read before it were handed out; nothing is retried.
 */
public class PagingException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  /**
   * Pages one lazy listing fetches at most: 10^5 pages of up to 100 items, ten million items, far beyond any real
   * account, so only a server that never stops paging reaches it.
   */
  public static final int MAX_PAGES = 100_000;

  PagingException(String path, String problem) {
    super(0, "GET", path, List.of(problem), "", null);
  }
}
