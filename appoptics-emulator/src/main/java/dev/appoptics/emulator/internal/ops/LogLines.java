package dev.appoptics.emulator.internal.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appoptics.emulator.RequestLogFormat;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lines for the request log that are not requests (alert deliveries, failures while answering): as given in the
 * text format, or as {@code {"time":…,"level":…,"message":…}} in the JSON format, so that a JSON log stays one
 * object per line.
 */
public final class LogLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LogLines() {}

  /** A sink taking plain messages at {@code level} and writing them to {@code log} in its format. */
  public static Consumer<String> messages(Consumer<String> log, RequestLogFormat format, Clock clock, String level) {
    if (format == RequestLogFormat.TEXT) {
      return log;
    }
    return message -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("time", clock.instant().toString());
      line.put("level", level);
      line.put("message", message);
      log.accept(json(line));
    };
  }

  /** One JSON object on one line. */
  public static String json(Map<String, Object> line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a log line", e);
    }
  }
}
