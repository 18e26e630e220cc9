package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTokensApiTest extends ApiTestBase {

  @Test
  void createAnswers201WithAGeneratedTokenAndHref() {
    Reply reply = api.post("/v1/api_tokens", "{\"name\":\"collectors\",\"role\":\"recorder\",\"token\":\"mine\"}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/v1/api_tokens/1");
    JsonNode token = reply.json();
    assertThat(token.path("name").asText()).isEqualTo("collectors");
    assertThat(token.path("role").asText()).isEqualTo("recorder");
    assertThat(token.path("active").asBoolean()).isTrue();
    assertThat(token.path("token").asText()).matches("[0-9a-f]{64}");
    assertThat(token.path("href").asText()).endsWith("/v1/api_tokens/1");
    assertThat(token.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
    assertThat(token.has("id")).isFalse();
  }

  @Test
  void createValidates() {
    assertParamsError(api.post("/v1/api_tokens", "{\"role\":\"admin\"}"), "name");
    assertParamsError(api.post("/v1/api_tokens", "{\"name\":\"n\",\"role\":\"owner\"}"), "role");
    assertParamsError(api.post("/v1/api_tokens", "{\"name\":\"n\",\"active\":\"yes\"}"), "active");
  }

  @Test
  void getByIdOrByNamePattern() {
    api.post("/v1/api_tokens", Map.of("name", "collector token"));
    api.post("/v1/api_tokens", Map.of("name", "viewer"));

    assertThat(api.get("/v1/api_tokens/2").json().path("name").asText()).isEqualTo("viewer");
    JsonNode byName = api.get("/v1/api_tokens/*token*").json();
    assertThat(byName.path("api_tokens").findValuesAsText("name")).containsExactly("collector token");
    assertThat(api.get("/v1/api_tokens?name=*e*").json().path("query").path("found").asInt()).isEqualTo(2);
    assertThat(api.get("/v1/api_tokens").json().path("api_tokens").size()).isEqualTo(2);
    assertNotFound(api.get("/v1/api_tokens/9"));
  }

  @Test
  void aNamePatternWithoutWildcardsMatchesAnywhereInTheName() {
    api.post("/v1/api_tokens", Map.of("name", "foo.bar"));
    api.post("/v1/api_tokens", Map.of("name", "foo.bar.bazzle"));
    api.post("/v1/api_tokens", Map.of("name", "foo"));

    assertThat(api.get("/v1/api_tokens?name=foo.bar").json().path("api_tokens").findValuesAsText("name"))
        .containsExactly("foo.bar", "foo.bar.bazzle");
    assertThat(api.get("/v1/api_tokens/FOO.BAR").json().path("api_tokens").findValuesAsText("name"))
        .containsExactly("foo.bar", "foo.bar.bazzle");
    assertThat(api.get("/v1/api_tokens?name=foo").json().path("query").path("found").asInt()).isEqualTo(3);
    assertThat(api.get("/v1/api_tokens?name=foo*").json().path("query").path("found").asInt()).isEqualTo(3);
    assertThat(api.get("/v1/api_tokens?name=*bar").json().path("api_tokens").findValuesAsText("name"))
        .containsExactly("foo.bar");
  }

  @Test
  void updateAnswers200WithTheToken() {
    String secret = api.post("/v1/api_tokens", Map.of("name", "t")).json().path("token").asText();

    Reply reply = api.put("/v1/api_tokens/1", "{\"name\":\"renamed\",\"active\":false,\"role\":\"viewer\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("name").asText()).isEqualTo("renamed");
    assertThat(reply.json().path("active").asBoolean()).isFalse();
    assertThat(reply.json().path("role").asText()).isEqualTo("viewer");
    assertThat(reply.json().path("token").asText()).isEqualTo(secret);
    assertParamsError(api.put("/v1/api_tokens/1", "{\"role\":\"root\"}"), "role");
    assertNotFound(api.put("/v1/api_tokens/9", "{\"name\":\"x\"}"));
  }

  @Test
  void deleteAnswers204() {
    api.post("/v1/api_tokens", Map.of("name", "t"));

    assertThat(api.delete("/v1/api_tokens/1").status()).isEqualTo(204);
    assertNotFound(api.get("/v1/api_tokens/1"));
    assertNotFound(api.delete("/v1/api_tokens/1"));
  }
}
