package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> parse(String body) {
    return ErrorBodies.parse(MAPPER, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void groupedParams() {
    assertThat(parse("{\"errors\":{\"params\":{\"name\":[\"is not present\"]}},\"request_time\":1458846729}"))
        .containsExactly("params: name: is not present");
    assertThat(parse("{\"errors\":{\"params\":{\"name\":[\"dup\",\"bad char\"]}}}"))
        .containsExactly("params: name: dup", "params: name: bad char");
  }

  @Test
  void nestedParamsEveryKey() {
    assertThat(parse("{\"errors\":{\"params\":{\"conditions\":{\"duration\":[\"must be set\"],"
            + "\"threshold\":[\"is missing\"]}}}}"))
        .containsExactly("params: conditions: duration: must be set", "params: conditions: threshold: is missing");
  }

  @Test
  void requestAsListOrString() {
    assertThat(parse("{\"errors\":{\"request\":[\"Not found\",\"Another error\"]}}"))
        .containsExactly("request: Not found", "request: Another error");
    assertThat(parse("{\"errors\":{\"request\":\"The requested data resolution is unavailable.\"}}"))
        .containsExactly("request: The requested data resolution is unavailable.");
  }

  @Test
  void systemAndSeveralGroups() {
    assertThat(parse("{\"errors\":{\"params\":{\"title\":[\"is required\"]},\"system\":[\"boom\"]}}"))
        .containsExactly("params: title: is required", "system: boom");
  }

  @Test
  void flatList() {
    assertThat(parse("{\"errors\":[\"Payload must include at least 1 measurement\"]}"))
        .containsExactly("Payload must include at least 1 measurement");
  }

  @Test
  void singularErrorAndMessage() {
    assertThat(parse("{\"request_time\":1467306906,\"error\":\"You have hit the API limit\"}"))
        .containsExactly("You have hit the API limit");
    assertThat(parse("{\"message\":\"Invalid plan\"}")).containsExactly("Invalid plan");
  }

  @Test
  void plainTextAndOddJson() {
    assertThat(parse("Credentials are required to access this resource.\n"))
        .containsExactly("Credentials are required to access this resource.");
    assertThat(parse("{\"something\":\"else\"}")).containsExactly("{\"something\":\"else\"}");
    assertThat(parse("{not json")).containsExactly("{not json");
    assertThat(parse("")).isEmpty();
  }
}
