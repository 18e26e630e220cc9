package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which tokens authenticate: configured ones, tokens made through /v1/api_tokens within their role, nothing else. */
class TokenAccessTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create(b -> b.tokens("admin"));

  private static final String ONE = "{\"tags\":{\"host\":\"a\"},\"measurements\":[{\"name\":\"m\",\"value\":1}]}";

  private static TestHttp http(String token) {
    return new TestHttp(EMULATOR.baseUri(), token);
  }

  /** Makes a token through the API with the configured admin token; its secret. */
  private static String made(String role, boolean active) {
    TestHttp.Answer a = http("admin").post("api_tokens",
        "{\"name\":\"t\",\"role\":\"" + role + "\",\"active\":" + active + "}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.json().get("token").asText();
  }

  @Test
  void anActiveTokenMadeThroughTheApiAuthenticates() {
    String secret = made("admin", true);

    assertThat(http(secret).get("metrics").status()).isEqualTo(200);
    assertThat(http(secret).post("measurements", ONE).status()).isEqualTo(202);
    assertThat(http("made-up").get("metrics").status()).isEqualTo(401);
  }

  @Test
  void anInactiveTokenIs401AndActivatingItLetsItIn() {
    String secret = made("admin", false);
    TestHttp.Answer refused = http(secret).get("metrics");
    String id = http("admin").get("api_tokens").json().at("/api_tokens/0/href").asText().replaceAll(".*/", "");

    http("admin").put("api_tokens/" + id, "{\"active\":true}");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().at("/errors/request/0").asText()).isEqualTo("Authorization Required");
    assertThat(http(secret).get("metrics").status()).isEqualTo(200);
  }

  @Test
  void aDeletedTokenIs401() {
    String secret = made("admin", true);
    String id = http("admin").get("api_tokens").json().at("/api_tokens/0/href").asText().replaceAll(".*/", "");

    assertThat(http("admin").delete("api_tokens/" + id).status()).isEqualTo(204);

    assertThat(http(secret).post("measurements", ONE).status()).isEqualTo(401);
  }

  @Test
  void aViewerReadsButMayNotWriteOrSeeAlertsOrTokens() {
    String viewer = made("viewer", true);

    assertThat(http(viewer).get("metrics").status()).isEqualTo(200);
    assertThat(http(viewer).get("spaces").status()).isEqualTo(200);
    TestHttp.Answer write = http(viewer).post("measurements", ONE);
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.json().at("/errors/request/0").asText())
        .isEqualTo("This token is not permitted to perform this action on this resource");
    assertThat(http(viewer).post("spaces", "{\"name\":\"s\"}").status()).isEqualTo(403);
    assertThat(http(viewer).get("alerts").status()).isEqualTo(403);
    assertThat(http(viewer).get("api_tokens").status()).isEqualTo(403);
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isZero();
  }

  @Test
  void aRecorderRecordsAndReadsButManagesNothingElse() {
    String recorder = made("recorder", true);

    assertThat(http(recorder).post("measurements", ONE).status()).isEqualTo(202);
    assertThat(http(recorder).post("annotations/deploys", "{\"title\":\"v1\"}").status()).isEqualTo(201);
    assertThat(http(recorder).put("metrics/m", "{\"display_name\":\"M\"}").status()).isIn(201, 204);
    assertThat(http(recorder).get("alerts").status()).isEqualTo(200);
    assertThat(http(recorder).delete("metrics/m").status()).isEqualTo(403);
    assertThat(http(recorder).post("spaces", "{\"name\":\"s\"}").status()).isEqualTo(403);
    assertThat(http(recorder).post("api_tokens", "{\"name\":\"escalate\"}").status()).isEqualTo(403);
  }

  @Test
  void replacedTokensTakeEffectAtOnce() {
    EMULATOR.emulator().setTokens(List.of("admin", "rotated"));
    assertThat(http("rotated").get("metrics").status()).isEqualTo(200);

    EMULATOR.emulator().setTokens(List.of("admin"));
    assertThat(http("rotated").get("metrics").status()).isEqualTo(401);
  }

  @Test
  void configuredTokensWithARoleGetOnlyWhatTheRoleAllows() {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().tokens("root")
        .token("collector", TokenRole.RECORDER).token("dashboard", TokenRole.VIEWER).start()) {
      TestHttp root = new TestHttp(emulator.baseUri(), "root");
      TestHttp collector = root.withToken("collector");
      TestHttp dashboard = root.withToken("dashboard");

      assertThat(collector.post("measurements", ONE).status()).isEqualTo(202);
      assertThat(collector.get("metrics").status()).isEqualTo(200);
      assertThat(collector.get("api_tokens").status()).isEqualTo(403);
      assertThat(dashboard.get("metrics/m").status()).isEqualTo(200);
      assertThat(dashboard.post("measurements", ONE).status()).isEqualTo(403);
      assertThat(dashboard.get("alerts").status()).isEqualTo(403);
      assertThat(root.get("api_tokens").status()).isEqualTo(200);

      emulator.setTokens(Map.of("root", TokenRole.ADMIN, "collector", TokenRole.VIEWER));

      assertThat(collector.post("measurements", ONE).status()).as("its role replaced").isEqualTo(403);
      assertThat(dashboard.get("metrics").status()).as("no longer configured").isEqualTo(401);
    }
  }

  @Test
  void withAnyTokenAcceptedMadeTokensStillKeepTheirRole() {
    try (AppOpticsEmulator open = AppOpticsEmulator.start()) {
      TestHttp anyone = new TestHttp(open.baseUri(), "anyone");
      String viewer = anyone.post("api_tokens", "{\"name\":\"v\",\"role\":\"viewer\"}").json().get("token").asText();

      assertThat(anyone.post("measurements", ONE).status()).isEqualTo(202);
      assertThat(anyone.withToken(viewer).post("measurements", ONE).status()).isEqualTo(403);
    }
  }

  @Test
  void refusingAnyTokenWithNoneConfiguredRefusesEverythingUntilTokensAreSet() {
    try (AppOpticsEmulator closed = AppOpticsEmulator.builder().acceptAnyToken(false).start()) {
      TestHttp h = new TestHttp(closed.baseUri(), "anything");
      assertThat(h.get("metrics").status()).isEqualTo(401);

      closed.setTokens(List.of("anything"));

      assertThat(h.get("metrics").status()).isEqualTo(200);
    }
  }
}
