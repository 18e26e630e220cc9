package dev.appoptics.emulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/** One line per request for the configured sink: method, target, status, bytes, milliseconds, and optionally bodies. */
final class RequestLog {
  private RequestLog() {}

  static void write(Consumer<String> sink, boolean logBodies, String method, String target, String status,
      int bytes, long started, byte[] requestBody, ApiResponse response) {
    if (sink == null) {
      return;
    }
    StringBuilder line = new StringBuilder()
        .append(method).append(' ').append(target).append(" -> ").append(status).append(' ')
        .append(bytes).append("B ")
        .append(String.format(Locale.ROOT, "%.1fms", (System.nanoTime() - started) / 1e6));
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

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " chars)";
  }
}
