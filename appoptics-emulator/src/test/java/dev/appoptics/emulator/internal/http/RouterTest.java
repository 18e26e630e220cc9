package dev.appoptics.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API routes under /v1/, public and admin routes outside it, and the trailing wildcard segment for static files. */
class RouterTest {
  private static final Handler OK = request -> ApiResponse.empty(204);

  private final Router router = new Router()
      .add("GET", "/v1/spaces/{id}", OK)
      .addPublic("GET", "/health", OK)
      .addPublic("GET", "/console/{file*}", OK)
      .addAdmin("DELETE", "/admin/things/{name}", OK);

  @Test
  void aWildcardSegmentCapturesTheRestOfThePath() {
    assertThat(router.match("GET", PathSegments.decode("/console/js/app%20main.js")).orElseThrow().pathParams())
        .isEqualTo(Map.of("file", "js/app main.js"));
    assertThat(router.match("GET", PathSegments.decode("/console")).orElseThrow().pathParams())
        .isEqualTo(Map.of("file", ""));
    assertThat(router.match("GET", PathSegments.decode("/consoles/x"))).isEmpty();
  }

  @Test
  void publicRoutesAreKnownAsPublicWhateverTheMethod() {
    assertThat(router.isPublic(PathSegments.decode("/health"))).isTrue();
    assertThat(router.isPublic(PathSegments.decode("/console/index.html"))).isTrue();
    assertThat(router.isPublic(PathSegments.decode("/v1/spaces/1"))).isFalse();
    assertThat(router.match("POST", PathSegments.decode("/health"))).isEmpty();
    assertThat(router.knowsPath(PathSegments.decode("/health"))).isTrue();
  }

  @Test
  void parametersCaptureOneNonEmptySegment() {
    assertThat(router.match("GET", PathSegments.decode("/v1/spaces/42")).orElseThrow().pathParams())
        .isEqualTo(Map.of("id", "42"));
    assertThat(router.match("GET", List.of("", "v1", "spaces", ""))).isEmpty();
    assertThat(router.match("GET", PathSegments.decode("/v1/spaces/1/charts"))).isEmpty();
  }

  @Test
  void adminRoutesAreKnownAsAdminWhateverTheMethodAndAreNotPublic() {
    assertThat(router.isAdmin(PathSegments.decode("/admin/things/a"))).isTrue();
    assertThat(router.isPublic(PathSegments.decode("/admin/things/a"))).isFalse();
    assertThat(router.isAdmin(PathSegments.decode("/health"))).isFalse();
    assertThat(router.isAdmin(PathSegments.decode("/v1/spaces/1"))).isFalse();
    assertThat(router.match("GET", PathSegments.decode("/admin/things/a"))).isEmpty();
    assertThat(router.match("DELETE", PathSegments.decode("/admin/things/a")).orElseThrow().route())
        .isEqualTo("/admin/things/{name}");
  }

  @Test
  void apiRoutesLiveUnderV1AndPublicAndAdminRoutesOutsideIt() {
    assertThatThrownBy(() -> new Router().add("GET", "/health", OK)).hasMessageContaining("/v1/");
    assertThatThrownBy(() -> new Router().addPublic("GET", "/v1/metrics", OK)).hasMessageContaining("/v1/");
    assertThatThrownBy(() -> new Router().addAdmin("POST", "/v1/snapshots", OK))
        .hasMessage("admin routes live outside /v1/: /v1/snapshots");
  }
}
