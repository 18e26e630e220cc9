package dev.appoptics.cli.internal;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One measurement read from standard input, before it is handed to the client.
 *
 * @param lineNumber where it came from (1-based), for error messages
 * @param name the metric name
 * @param value the value
 * @param tags the measurement's own tags (may be empty: the connection's tags then apply)
 * @param time epoch seconds, when the line gave one
 */
public record InputLine(int lineNumber, String name, double value, Map<String, String> tags, OptionalLong time) {
  public InputLine {
    tags = Map.copyOf(tags);
  }
}
