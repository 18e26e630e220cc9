package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesApiTest extends ApiTestBase {
  private static final Map<String, Object> SLACK =
      Map.of("type", "slack", "title", "Notify Ops", "settings", Map.of("url", "https://x", "token", "t0k"));

  @Test
  void seedsAreListedWithNumericIds() {
    JsonNode page = api.get("/v1/services").json();

    assertThat(page.path("query").path("total").asInt()).isEqualTo(2);
    JsonNode first = page.path("services").get(0);
    assertThat(first.path("id").isIntegralNumber()).isTrue();
    assertThat(first.path("id").asLong()).isEqualTo(1);
    assertThat(first.path("type").asText()).isEqualTo("mail");
    assertThat(first.path("title").asText()).isEqualTo("ops mail");
    assertThat(first.path("settings").path("addresses").asText()).isEqualTo("ops@example.com");
  }

  @Test
  void createAnswers201WithLocationAndKeepsEverySetting() {
    Reply reply = api.post("/v1/services", SLACK);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/v1/services/3");
    assertThat(reply.json().path("id").asLong()).isEqualTo(3);
    JsonNode got = api.get("/v1/services/3").json();
    assertThat(got.path("settings").path("token").asText()).isEqualTo("t0k");
    assertThat(got.path("title").asText()).isEqualTo("Notify Ops");
  }

  @Test
  void createValidatesTitleTypeAndSettings() {
    Reply missing = api.post("/v1/services", Map.of());
    assertParamsError(missing, "title");
    assertParamsError(missing, "type");
    assertParamsError(missing, "settings");
    JsonNode messages =
        assertParamsError(api.post("/v1/services", Map.of("type", "email", "title", "t", "settings", Map.of())), "type");
    assertThat(messages.get(0).asText()).contains("email");
    assertParamsError(api.post("/v1/services", Map.of("type", "mail", "title", "t", "settings", "x")), "settings");
    assertParamsError(api.post("/v1/services", Map.of("type", "mail", "title", 3, "settings", Map.of())), "title");
  }

  @Test
  void updateIsPartialAndAnswers204() {
    Reply reply = api.put("/v1/services/1", Map.of("title", "renamed"));

    assertThat(reply.status()).isEqualTo(204);
    JsonNode got = api.get("/v1/services/1").json();
    assertThat(got.path("title").asText()).isEqualTo("renamed");
    assertThat(got.path("type").asText()).isEqualTo("mail");
    assertThat(got.path("settings").path("addresses").asText()).isEqualTo("ops@example.com");
    assertParamsError(api.put("/v1/services/1", Map.of("type", "fax")), "type");
  }

  @Test
  void deleteAnswers204() {
    assertThat(api.delete("/v1/services/2").status()).isEqualTo(204);
    assertNotFound(api.get("/v1/services/2"));
  }

  @Test
  void unknownIdsAre404() {
    assertNotFound(api.get("/v1/services/9"));
    assertNotFound(api.get("/v1/services/mail"));
    assertNotFound(api.put("/v1/services/9", Map.of("title", "x")));
    assertNotFound(api.delete("/v1/services/9"));
  }

  @Test
  void listOrdersByTitleOrUpdatedAt() {
    api.post("/v1/services", Map.of("type", "webhook", "title", "a hook", "settings", Map.of("url", "u")));

    assertThat(api.get("/v1/services").json().path("services").findValuesAsText("title"))
        .containsExactly("a hook", "ops mail", "ops slack");
    assertThat(api.get("/v1/services?orderby=updated_at&sort=desc").json().path("services").get(0).path("title").asText())
        .isEqualTo("a hook");
    assertParamsError(api.get("/v1/services?orderby=type"), "orderby");
  }

  @Test
  void clearReturnsToTheSeeds() {
    api.post("/v1/services", SLACK);
    api.delete("/v1/services/1");

    api.reset();

    JsonNode page = api.get("/v1/services").json();
    assertThat(page.path("services").findValuesAsText("title")).containsExactly("ops mail", "ops slack");
    assertThat(api.post("/v1/services", SLACK).id()).isEqualTo(3);
  }
}
