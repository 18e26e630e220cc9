package dev.appoptics.emulator.internal.http;

import dev.appoptics.emulator.RequestLogFormat;
import dev.appoptics.emulator.internal.ops.LogLines;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The request log: one line per request for the configured sink, as text (method, target, status, bytes,
 * milliseconds, optionally bodies) or as a JSON object ({@link RequestLogFormat#JSON}), and a line for each failure
 * while answering. Does nothing without a sink.
 */
final class RequestLog {
  /** What one answered request is logged with. */
  record Entry(String method, String path, String query, String route, String status, int bytes, long nanos,
      String remote, String userAgent) {}

  private final Consumer<String> sink;
  private final RequestLogFormat format;
  private final boolean logBodies;
  private final Clock clock;

  RequestLog(Consumer<String> sink, RequestLogFormat format, boolean logBodies, Clock clock) {
    this.sink = sink;
    this.format = format;
    this.logBodies = logBodies;
    this.clock = clock;
  }

  void write(Entry e, byte[] requestBody, ApiResponse response) {
    if (sink == null) {
      return;
    }
    if (format == RequestLogFormat.JSON) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("time", clock.instant().toString());
      line.put("method", e.method());
      line.put("path", e.path());
      if (e.query() != null) {
        line.put("query", e.query());
      }
      line.put("route", e.route());
      line.put("status", e.status().chars().allMatch(Character::isDigit) ? Integer.parseInt(e.status()) : e.status());
      line.put("bytes", e.bytes());
      line.put("duration_ms", Math.round(e.nanos() / 1e4) / 100.0);
      line.put("remote", e.remote());
      line.put("user_agent", e.userAgent());
      sink.accept(LogLines.json(line));
      return;
    }
    StringBuilder line = new StringBuilder()
        .append(e.method()).append(' ').append(e.path()).append(e.query() == null ? "" : "?" + e.query())
        .append(" -> ").append(e.status()).append(' ').append(e.bytes()).append("B ")
        .append(String.format(Locale.ROOT, "%.1fms", e.nanos() / 1e6));
    if (logBodies) {
      if (requestBody != null && requestBody.length > 0) {
        line.append("\n  > ").append(truncate(new String(requestBody, StandardCharsets.UTF_8)));
      }
      if (response != null && response.body().length > 0) {
        line.append("\n  < ").append(truncate(response.bodyText()));
      }
    }
    sink.accept(line.toString());
  }

  /** A failure while answering: what was asked and what went wrong, never a stack trace. */
  void error(String method, String target, Throwable failure) {
    if (sink == null) {
      return;
    }
    LogLines.messages(sink, format, clock, "error")
        .accept("error while answering " + method + " " + target + ": " + failure);
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " chars)";
  }
}
