package dev.appoptics.emulator.internal.http;

import dev.appoptics.emulator.internal.ops.MetricsSource;
import dev.appoptics.emulator.internal.ops.PrometheusText;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The front's figures for {@code GET /metrics}: requests answered by method, route pattern and status, how long
 * they took (a histogram per method and route), and the requests being answered now. Routes are patterns
 * ({@code /v1/spaces/{id}}), and paths that match none are {@code other}, so the number of series stays bounded
 * whatever clients send. Thread-safe.
 */
public final class RequestFigures implements MetricsSource {
  /** Bucket bounds in seconds: from a fast ingest answer to a slow query. */
  private static final double[] BOUNDS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

  private record Counted(String method, String route, String status) {}

  private record Timed(String method, String route) {}

  private static final class Durations {
    final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();

    Durations() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  private final Map<Counted, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<Timed, Durations> durations = new ConcurrentHashMap<>();
  private final LongSupplier inFlight;

  RequestFigures(LongSupplier inFlight) {
    this.inFlight = inFlight;
  }

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  /** Counts one answered request; a method outside the usual ones is {@code other}, so clients cannot add series. */
  void record(String rawMethod, String route, String status, long nanos) {
    String method = METHODS.contains(rawMethod) ? rawMethod : "other";
    requests.computeIfAbsent(new Counted(method, route, status), k -> new LongAdder()).increment();
    Durations d = durations.computeIfAbsent(new Timed(method, route), k -> new Durations());
    double seconds = nanos / 1e9;
    for (int i = 0; i < BOUNDS.length; i++) {
      if (seconds <= BOUNDS[i]) {
        d.buckets[i].increment();
        break;
      }
    }
    d.count.increment();
    d.nanos.add(nanos);
  }

  @Override
  public void writeTo(PrometheusText out) {
    out.single("appoptics_http_requests_in_flight", "gauge",
        "Requests being answered now (headers read, answer not sent yet), this scrape included.", inFlight.getAsLong());
    String total = "appoptics_http_requests_total";
    out.family(total, "counter", "Requests answered, by method, route pattern and status.");
    requests.forEach((k, n) -> out.sample(total, n.sum(), "method", k.method(), "route", k.route(),
        "status", k.status()));
    String seconds = "appoptics_http_request_duration_seconds";
    out.family(seconds, "histogram", "Time from a request's arrival to its answer, by method and route pattern.");
    durations.forEach((k, d) -> {
      long cumulative = 0;
      for (int i = 0; i < BOUNDS.length; i++) {
        cumulative += d.buckets[i].sum();
        out.sample(seconds + "_bucket", cumulative, "method", k.method(), "route", k.route(),
            "le", Double.toString(BOUNDS[i]));
      }
      // read after the buckets, and never below them, so the histogram stays cumulative while requests arrive
      long count = Math.max(d.count.sum(), cumulative);
      out.sample(seconds + "_bucket", count, "method", k.method(), "route", k.route(), "le", "+Inf");
      out.sample(seconds + "_sum", d.nanos.sum() / 1e9, "method", k.method(), "route", k.route());
      out.sample(seconds + "_count", count, "method", k.method(), "route", k.route());
    });
  }
}
