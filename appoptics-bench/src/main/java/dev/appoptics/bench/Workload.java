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

  /** The same measurements in Datadog's series JSON (one point each, at {@code epochSeconds}). */
  static byte[] datadogBatch(long from, int count, long epochSeconds) {
    StringBuilder b = new StringBuilder(count * 120).append("{\"series\":[");
    for (long i = from; i < from + count; i++) {
      if (i > from) {
        b.append(',');
      }
      b.append("{\"metric\":\"").append(name(i)).append("\",\"points\":[[").append(epochSeconds).append(',')
          .append(value(i)).append("]],\"tags\":[\"host:").append(host(i))
          .append("\",\"region:us-east-1\",\"service:api\"]}");
    }
    return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same measurements in Influx line protocol, without timestamps (the receiver stamps them). */
  static byte[] influxBatch(long from, int count) {
    StringBuilder b = new StringBuilder(count * 80);
    for (long i = from; i < from + count; i++) {
      b.append(name(i)).append(",host=").append(host(i)).append(",region=us-east-1,service=api value=")
          .append(value(i)).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The metric of the history: one point a second for each of {@link #HISTORY_SERIES} hosts. */
  static final String HISTORY_METRIC = "bench.history";
  static final int HISTORY_SERIES = 100;

  /**
   * The value of history point {@code k}: a gauge with two decimals that wanders (a slow wave per host plus
   * deterministic noise), as CPU percentages or latencies do, so that compression meets realistic numbers rather
   * than a short cycle.
   */
  static double historyValue(long k) {
    long host = k % HISTORY_SERIES;
    long second = k / HISTORY_SERIES;
    long noise = (k * 0x9E3779B97F4A7C15L) >>> 54; // 0..1023, the same in every run
    double v = 50 + 30 * Math.sin(second / 600.0 + host) + noise / 100.0;
    return Math.round(v * 100) / 100.0;
  }

  /**
   * Points {@code from}..{@code from+count-1} of the history, in AppOptics JSON: point {@code k} is host {@code k %
   * 100} at second {@code start + k / 100}, so that every point is a stored point of its own.
   */
  static byte[] historyBatch(long from, int count, long start) {
    StringBuilder b = new StringBuilder(count * 90).append("{\"measurements\":[");
    for (long k = from; k < from + count; k++) {
      if (k > from) {
        b.append(',');
      }
      b.append("{\"name\":\"" + HISTORY_METRIC + "\",\"value\":").append(historyValue(k)).append(",\"time\":")
          .append(start + k / HISTORY_SERIES).append(",\"tags\":{\"host\":\"h").append(k % HISTORY_SERIES)
          .append("\"}}");
    }
    return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same points of the history in Influx line protocol with second timestamps ({@code /write?precision=s}). */
  static byte[] historyInflux(long from, int count, long start) {
    StringBuilder b = new StringBuilder(count * 50);
    for (long k = from; k < from + count; k++) {
      b.append(HISTORY_METRIC).append(",host=h").append(k % HISTORY_SERIES).append(" value=").append(historyValue(k))
          .append(' ').append(start + k / HISTORY_SERIES).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
