package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin routes outside /v1 (snapshots of a server's data): only an admin token passes, and an emulator that
 * keeps its data in memory answers that there is nothing to snapshot. Taking snapshots is tested with durable
 * storage, in the server module.
 */
class AdminRoutesTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create(b -> b.tokens("admin"));

  private static final String NOTHING_TO_SNAPSHOT = "This server keeps its data in memory: there is nothing to"
      + " snapshot. Snapshots need a data directory (appoptics server --data-dir DIR)";

  private static TestHttp http(String token) {
    return new TestHttp(EMULATOR.baseUri(), token);
  }

  private static String made(String role, boolean active) {
    TestHttp.Answer a = http("admin").post("api_tokens",
        "{\"name\":\"" + role + "\",\"role\":\"" + role + "\",\"active\":" + active + "}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.json().get("token").asText();
  }

  @Test
  void inMemoryEverySnapshotRouteAnswers404SayingThereIsNothingToSnapshot() {
    TestHttp admin = http("admin");

    for (TestHttp.Answer a : new TestHttp.Answer[] {admin.post("/admin/snapshots", ""), admin.get("/admin/snapshots"),
        admin.delete("/admin/snapshots/20261201T223215.042Z")}) {
      assertThat(a.status()).as(a.toString()).isEqualTo(404);
      assertThat(a.json().at("/errors/request/0").asText()).isEqualTo(NOTHING_TO_SNAPSHOT);
    }
  }

  @Test
  void aTokenMadeThroughTheApiWithTheAdminRolePasses() {
    assertThat(http(made("admin", true)).get("/admin/snapshots").status()).isEqualTo(404);
  }

  @Test
  void noTokenAnUnknownOneOrAnInactiveAdminTokenIs401() {
    assertThat(http(null).get("/admin/snapshots").status()).isEqualTo(401);
    assertThat(http("made-up").get("/admin/snapshots").status()).isEqualTo(401);
    TestHttp.Answer post = http("made-up").post("/admin/snapshots", "");
    assertThat(post.status()).isEqualTo(401);
    assertThat(post.body()).isEqualTo("Credentials are required to access this resource.");
    assertThat(http(made("admin", false)).get("/admin/snapshots").status()).isEqualTo(401);
  }

  @Test
  void recorderAndViewerTokensAre403() {
    for (String role : new String[] {"recorder", "viewer"}) {
      TestHttp.Answer a = http(made(role, true)).post("/admin/snapshots", "");
      assertThat(a.status()).as(role).isEqualTo(403);
      assertThat(a.json().at("/errors/request/0").asText())
          .isEqualTo("Only an admin token may call this; this token's role is " + role);
    }
  }

  @Test
  void anUnknownMethodOnASnapshotRouteIs405() {
    assertThat(http("admin").put("/admin/snapshots", "{}").status()).isEqualTo(405);
  }

  @Test
  void withAnyTokenAcceptedAnyTokenButAMadeOneOfAnotherRolePasses() {
    try (AppOpticsEmulator open = AppOpticsEmulator.start()) {
      TestHttp anyone = new TestHttp(open.baseUri(), "anyone");
      String viewer = anyone.post("api_tokens", "{\"name\":\"v\",\"role\":\"viewer\"}").json().get("token").asText();

      assertThat(anyone.get("/admin/snapshots").status()).isEqualTo(404);
      assertThat(anyone.withToken(viewer).get("/admin/snapshots").status()).isEqualTo(403);
    }
  }
}
