package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.core.JsonToken;
import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.json.JsonCursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems found in one measurement body, by field, as the API's 400 {@code params} error lists them; also which
 * measurement is being read, for the messages. At most {@value #MAX_MESSAGES} messages are kept (all are counted).
 */
final class ParamErrors {
  static final int MAX_MESSAGES = 50;

  private final Map<String, List<String>> byField = new LinkedHashMap<>();
  private int count;
  private int current;

  void add(String field, String message) {
    if (count++ < MAX_MESSAGES) {
      byField.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }
  }

  /** Problems found so far (also those past the cap). */
  int count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  ApiError toApiError() {
    return ApiError.paramsMap(byField);
  }

  void reading(int measurementIndex) {
    current = measurementIndex;
  }

  /** Where the measurement being read sits, for messages; built only when there is an error to report. */
  String at() {
    return "measurements[" + current + "]";
  }

  /** {@code field} of the payload itself ({@code top}) or of the measurement being read, for messages. */
  String where(boolean top, String field) {
    return top ? field : at() + "." + field;
  }

  /** The current token as messages show what was given instead. */
  static String describe(JsonCursor p, JsonToken t) {
    switch (t) {
      case VALUE_STRING:
        return "string \"" + p.getText() + "\"";
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "a list";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "boolean " + p.getText();
      default:
        return p.getText();
    }
  }
}
