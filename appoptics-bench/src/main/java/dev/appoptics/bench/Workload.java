package dev.appoptics.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The measurements every benchmark sends, the same in Java and in the Python side-by-side script: 10 metric names,
 * 16 hosts, three tags each (host, region, service), values cycling below 1000.
 */
final class Workload {
  static final int NAMES = 10;
  static final int HOSTS = 16;
  static final String TOKEN = "bench-token";

  private Workload() {}

  static String name(long i) {
    return "bench.metric." + (i % NAMES);
  }

  static String host(long i) {
    return "host-" + (i % HOSTS);
  }

  /** The tags of measurement {@code i}: one shared map per host, as an application keeps its tag sets. */
  static Map<String, String> tags(long i) {
    return TAGS[(int) (i % HOSTS)];
  }

  @SuppressWarnings("unchecked")
  private static final Map<String, String>[] TAGS = new Map[HOSTS];

  static {
    for (int i = 0; i < TAGS.length; i++) {
      TAGS[i] = Map.of("host", host(i), "region", "us-east-1", "service", "api");
    }
  }

  static double value(long i) {
    return (i % 1000) + 0.5;
  }

  /** The Basic authorization header value for {@link #TOKEN} (token as user, empty password). */
  static String authorization() {
    return "Basic " + Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.US_ASCII));
  }

  /** A measurement batch for measurements {@code from}..{@code from+count-1}, encoded by hand (for raw ingest). */
  static byte[] encodedBatch(long from, int count) {
    StringBuilder b = new StringBuilder(count * 120).append("{\"measurements\":[");
    for (long i = from; i < from + count; i++) {
      if (i > from) {
        b.append(',');
      }
      b.append("{\"name\":\"").append(name(i)).append("\",\"value\":").append(value(i))
          .append(",\"tags\":{\"host\":\"").append(host(i))
          .append("\",\"region\":\"us-east-1\",\"service\":\"api\"}}");
    }
    return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
