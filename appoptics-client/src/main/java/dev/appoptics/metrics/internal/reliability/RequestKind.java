package dev.appoptics.metrics.internal.reliability;

/** How safe a request is to repeat. */
public enum RequestKind {
  /** GET, PUT, DELETE: repeating has the same effect as sending once. */
  IDEMPOTENT,
  /** POST of a measurement batch: a repeat that the API had already stored is counted twice. */
  MEASUREMENTS,
  /** Any other POST (creates): a repeat may create a second entity. */
  NON_IDEMPOTENT;

  /** The kind of a request by method and relative path ("measurements", "annotations/x"). */
  public static RequestKind of(String method, String path) {
    if (!"POST".equalsIgnoreCase(method)) {
      return IDEMPOTENT;
    }
    String p = path.startsWith("/") ? path.substring(1) : path;
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    return p.equals("measurements") || p.endsWith("/measurements") ? MEASUREMENTS : NON_IDEMPOTENT;
  }
}
