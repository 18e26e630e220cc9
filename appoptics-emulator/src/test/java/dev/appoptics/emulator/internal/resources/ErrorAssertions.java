package dev.appoptics.emulator.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on the API's error bodies. */
final class ErrorAssertions {
  private ErrorAssertions() {}

  /** A 400 whose {@code errors.params} names the field path (e.g. "conditions", "duration") with a message. */
  static JsonNode assertParamsError(Reply reply, String... fieldPath) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(400);
    JsonNode node = reply.json().path("errors").path("params");
    for (String f : fieldPath) {
      node = node.path(f);
    }
    assertThat(node.isArray()).as("messages for %s in %s", String.join(".", fieldPath), reply).isTrue();
    assertThat(node.size()).isPositive();
    return node;
  }

  /** A 404 with the grouped {@code request} list. */
  static void assertNotFound(Reply reply) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(404);
    assertThat(reply.json().path("errors").path("request").isArray()).as("body of %s", reply).isTrue();
  }

  /** A 422 "already exists" naming the field. */
  static void assertAlreadyExists(Reply reply, String field) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(422);
    JsonNode messages = reply.json().path("errors").path("params").path(field);
    assertThat(messages.isArray() && messages.size() > 0).as("body of %s", reply).isTrue();
    assertThat(messages.get(0).asText()).contains("already exists");
  }
}
