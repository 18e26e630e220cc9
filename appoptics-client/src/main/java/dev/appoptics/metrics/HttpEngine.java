package dev.appoptics.metrics;

/** The HTTP library a connection sends through; see {@link AppOptics.Builder#httpEngine}. */
public enum HttpEngine {
  /** Apache HttpClient 5 (classic API, pooled): the default, and the faster of the two. */
  APACHE,
  /** The JDK's {@code java.net.http.HttpClient}: no extra dependency on the wire path. */
  JDK
}
