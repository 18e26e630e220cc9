package dev.appoptics.emulator.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** An answer as a test sees it: status, headers (lower-cased names) and the body as text and as JSON. */
record Reply(int status, Map<String, String> headers, String text) {
  JsonNode json() {
    if (text.isEmpty()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("answer is not JSON: " + text, e);
    }
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The numeric id of a JSON answer. */
  long id() {
    return json().path("id").asLong();
  }

  @Override
  public String toString() {
    return status + " " + text;
  }
}
