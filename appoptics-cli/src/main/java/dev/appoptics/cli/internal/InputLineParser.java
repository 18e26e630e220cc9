package dev.appoptics.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads measurement lines as {@code appoptics submit -} takes them. Two forms, one per line:
 *
 * <pre>
 * cpu.load 0.75 host=web1 region=eu        name, value, then tags; "@1700000000" anywhere after the value sets the time
 * {"name":"cpu.load","value":0.75,"tags":{"host":"web1"},"time":1700000000}
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are skipped. Names and tag names follow the API's character rules so
 * a bad line is reported here, with its number, instead of failing a whole batch later. Stateless and thread-safe.
 */
public final class InputLineParser {
  private static final Pattern METRIC_NAME = Pattern.compile("[-.:_\\w]{1,255}");
  private static final Pattern TAG_NAME = Pattern.compile("[-.:_\\w]{1,64}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The measurement on this line, or empty for a blank or comment line. */
  public Optional<InputLine> parse(int lineNumber, String line) throws InputLineException {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return Optional.empty();
    }
    return Optional.of(text.startsWith("{") ? json(lineNumber, text) : words(lineNumber, text));
  }

  private static InputLine words(int lineNumber, String text) throws InputLineException {
    String[] words = text.split("\\s+");
    if (words.length < 2) {
      throw new InputLineException(lineNumber, "expected 'NAME VALUE [TAG=VALUE ...]' but got '" + text + "'");
    }
    String name = name(lineNumber, words[0]);
    double value = number(lineNumber, words[1]);
    Map<String, String> tags = new LinkedHashMap<>();
    OptionalLong time = OptionalLong.empty();
    for (int i = 2; i < words.length; i++) {
      String word = words[i];
      if (word.startsWith("@")) {
        time = OptionalLong.of(epoch(lineNumber, word.substring(1)));
        continue;
      }
      int equals = word.indexOf('=');
      if (equals <= 0 || equals == word.length() - 1) {
        throw new InputLineException(lineNumber, "tag '" + word + "' is not NAME=VALUE");
      }
      tag(lineNumber, tags, word.substring(0, equals), word.substring(equals + 1));
    }
    return new InputLine(lineNumber, name, value, tags, time);
  }

  private static InputLine json(int lineNumber, String text) throws InputLineException {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InputLineException(lineNumber, "not valid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      throw new InputLineException(lineNumber, "expected a JSON object");
    }
    JsonNode name = node.path("name");
    if (!name.isTextual()) {
      throw new InputLineException(lineNumber, "field 'name' is missing or not a string");
    }
    JsonNode value = node.path("value");
    if (!value.isNumber()) {
      throw new InputLineException(lineNumber, "field 'value' is missing or not a number");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode tagNode = node.path("tags");
    if (!tagNode.isMissingNode() && !tagNode.isObject()) {
      throw new InputLineException(lineNumber, "field 'tags' is not an object");
    }
    for (Map.Entry<String, JsonNode> tag : tagNode.properties()) {
      if (!tag.getValue().isValueNode() || tag.getValue().isNull()) {
        throw new InputLineException(lineNumber, "tag '" + tag.getKey() + "' has no plain value");
      }
      tag(lineNumber, tags, tag.getKey(), tag.getValue().asText());
    }
    OptionalLong time = OptionalLong.empty();
    JsonNode timeNode = node.path("time");
    if (!timeNode.isMissingNode()) {
      if (!timeNode.canConvertToLong() || !timeNode.isIntegralNumber() || timeNode.asLong() <= 0) {
        throw new InputLineException(lineNumber, "field 'time' is not epoch seconds: " + timeNode);
      }
      time = OptionalLong.of(timeNode.asLong());
    }
    double number = value.asDouble();
    if (!Double.isFinite(number)) {
      throw new InputLineException(lineNumber, "value " + value + " is not a finite number");
    }
    return new InputLine(lineNumber, name(lineNumber, name.asText()), number, tags, time);
  }

  private static String name(int lineNumber, String name) throws InputLineException {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new InputLineException(
          lineNumber, "metric name '" + name + "' is invalid (1-255 of A-Z a-z 0-9 . : - _)");
    }
    return name;
  }

  private static double number(int lineNumber, String text) throws InputLineException {
    if (DECIMAL.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    }
    throw new InputLineException(lineNumber, "value '" + text + "' is not a number");
  }

  private static long epoch(int lineNumber, String text) throws InputLineException {
    try {
      long time = Long.parseLong(text);
      if (time > 0) {
        return time;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InputLineException(lineNumber, "time '@" + text + "' is not epoch seconds");
  }

  private static void tag(int lineNumber, Map<String, String> tags, String name, String value)
      throws InputLineException {
    if (!TAG_NAME.matcher(name).matches()) {
      throw new InputLineException(lineNumber, "tag name '" + name + "' is invalid (1-64 of A-Z a-z 0-9 . : - _)");
    }
    if (value.isEmpty()) {
      throw new InputLineException(lineNumber, "tag '" + name + "' has an empty value");
    }
    tags.put(name, value);
  }
}
