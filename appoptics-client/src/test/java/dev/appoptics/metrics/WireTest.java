package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.metrics.RecordingServer.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exact wire details (headers, bodies, status mapping) against a recording server, for both HTTP engines. */
class WireTest {
  @RegisterExtension static final RecordingServer server = RecordingServer.start();

  @BeforeEach
  void reset() {
    server.respond(Reply.json(202, "{\"measurements\":{\"summary\":{\"failed\":0}},\"errors\":[]}"));
  }

  private static AppOptics connect(HttpEngine engine) {
    return AppOptics.builder().token("tok123").baseUri(server.baseUri()).httpEngine(engine).build();
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void sendsBasicAuthUserAgentAndJson(HttpEngine engine) {
    try (AppOptics api = connect(engine)) {
      api.submit(Measurement.builder("cpu").value(4.5).tag("host", "a").time(1_700_000_000L).period(60).build());
    }
    RecordingServer.Recorded r = server.requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.rawPath()).isEqualTo("/v1/measurements");
    assertThat(r.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("tok123:".getBytes()));
    assertThat(r.header("Authorization")).isEqualTo("Basic dG9rMTIzOg==");
    assertThat(r.header("User-Agent"))
        .startsWith("appoptics-java/")
        .contains("(java; " + System.getProperty("java.version") + "; ")
        .endsWith(System.getProperty("os.arch") + "-" + System.getProperty("os.name") + ")");
    assertThat(r.header("User-Agent")).doesNotContain("${");
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.body())
        .isEqualTo("{\"measurements\":[{\"name\":\"cpu\",\"value\":4.5,\"time\":1700000000,\"period\":60,"
            + "\"tags\":{\"host\":\"a\"}}]}");
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void bodylessGetHasNoContentTypeAndEscapedPath(HttpEngine engine) {
    server.respond(Reply.json(200, "{\"name\":\"a b\",\"type\":\"gauge\",\"period\":null,\"attributes\":{}}"));
    try (AppOptics api = connect(engine)) {
      api.getMetric("a:b");
    }
    RecordingServer.Recorded r = server.requests.get(0);
    assertThat(r.rawPath()).isEqualTo("/v1/metrics/a%3Ab");
    assertThat(r.header("Content-Type")).isNull();
  }

  @Test
  void batchDeleteSendsNamesInTheBody() {
    server.respond(Reply.json(204, ""));
    try (AppOptics api = connect(HttpEngine.APACHE)) {
      api.deleteMetric(List.of("a", "b"));
      api.delete("c");
    }
    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(0).method()).isEqualTo("DELETE");
    assertThat(server.requests.get(0).rawPath()).isEqualTo("/v1/metrics");
    assertThat(server.requests.get(0).body()).isEqualTo("{\"names\":[\"a\",\"b\"]}");
    assertThat(server.requests.get(1).rawPath()).isEqualTo("/v1/metrics/c");
    assertThat(server.requests.get(1).body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void everyStatusMapsToItsException(HttpEngine engine) {
    Map<Integer, Class<? extends ApiException>> expected = Map.of(
        400, BadRequestException.class,
        401, UnauthorizedException.class,
        403, ForbiddenException.class,
        404, NotFoundException.class,
        409, ConflictException.class,
        422, UnprocessableEntityException.class,
        429, RateLimitedException.class,
        500, ServerErrorException.class,
        503, ServerErrorException.class,
        415, ApiException.class);
    try (AppOptics api = connect(engine)) {
      expected.forEach((status, type) -> {
        server.respond(Reply.json(status, "{\"errors\":{\"request\":[\"status " + status + "\"]}}"));
        assertThatThrownBy(() -> api.getMetric("cpu"))
            .isExactlyInstanceOf(type)
            .hasMessage("[" + status + "] GET /v1/metrics/cpu: request: status " + status)
            .satisfies(e -> {
              ApiException ae = (ApiException) e;
              assertThat(ae.status()).isEqualTo(status);
              assertThat(ae.method()).isEqualTo("GET");
              assertThat(ae.path()).isEqualTo("/v1/metrics/cpu");
              assertThat(ae.errors()).containsExactly("request: status " + status);
              assertThat(ae.errorMessage()).isEqualTo("request: status " + status);
            });
      });
    }
  }

  @Test
  void plainTextUnauthorizedOnPost() {
    server.respond(Reply.text(401, "Credentials are required to access this resource."));
    try (AppOptics api = connect(HttpEngine.APACHE)) {
      assertThatThrownBy(() -> api.submit("cpu", 1, Map.of("h", "a")))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("[401] POST /v1/measurements: Credentials are required to access this resource.");
    }
  }

  @Test
  void rateLimitCarriesRetryAfterAndHeaders() {
    server.respond(Reply.json(429, "{\"request_time\":1,\"error\":\"You have hit the API limit\"}")
        .withHeader("Retry-After", "7")
        .withHeader("X-Librato-RateLimit-Std", "limit=300,remaining=0,reset=1700000000"));
    try (AppOptics api = connect(HttpEngine.APACHE)) {
      assertThatThrownBy(() -> api.submit("cpu", 1, Map.of("h", "a")))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(e.rateLimits()).containsEntry("x-librato-ratelimit-std", "limit=300,remaining=0,reset=1700000000");
            assertThat(e.errors()).containsExactly("You have hit the API limit");
          });
    }
  }

  @Test
  void rateLimitWithoutHint() {
    server.respond(Reply.json(429, "{\"errors\":[\"slow down\"]}"));
    try (AppOptics api = connect(HttpEngine.APACHE)) {
      assertThatThrownBy(() -> api.getMetric("x"))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void slowAnswerBecomesRequestTimeout(HttpEngine engine) {
    server.respond(Reply.json(200, "{}").delayed(1500));
    try (AppOptics api = AppOptics.builder().token("t").baseUri(server.baseUri()).httpEngine(engine)
        .timeout(Duration.ofMillis(200)).build()) {
      assertThatThrownBy(() -> api.getMetric("cpu"))
          .isInstanceOf(RequestTimeoutException.class)
          .satisfies(e -> {
            AppOpticsException ae = (AppOpticsException) e;
            assertThat(ae.status()).isZero();
            assertThat(ae.method()).isEqualTo("GET");
            assertThat(ae.path()).isEqualTo("/v1/metrics/cpu");
            assertThat(ae.getCause()).isNotNull();
          });
    }
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void refusedConnectionIsWrapped(HttpEngine engine) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (AppOptics api = AppOptics.builder().token("t").baseUri("http://127.0.0.1:" + port + "/v1/")
        .httpEngine(engine).build()) {
      assertThatThrownBy(() -> api.listMetrics())
          .isInstanceOf(ConnectionException.class)
          .hasMessageStartingWith("GET /v1/metrics: ");
    }
  }

  @Test
  void tokenFallsBackToTheEnvironment() {
    try (AppOptics api = AppOptics.builder().baseUri(server.baseUri())
        .environment(Map.of("APPOPTICS_TOKEN", "fromenv")::get).build()) {
      api.submit("cpu", 1, Map.of("h", "a"));
    }
    assertThat(server.requests.get(0).header("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("fromenv:".getBytes()));
  }

  @Test
  void missingTokenIsRefusedAtBuild() {
    assertThatThrownBy(() -> AppOptics.builder().environment(n -> null).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("token"))
        .hasMessageContaining("APPOPTICS_TOKEN");
  }

  @Test
  void defaults() {
    try (AppOptics api = AppOptics.builder().token("t").build()) {
      assertThat(api.baseUri()).hasToString("https://api.appoptics.com/v1/");
      assertThat(api.getTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(api.httpEngine()).isEqualTo(HttpEngine.APACHE);
      assertThat(api.getTags()).isEmpty();
    }
  }

  @Test
  void customUserAgentAndBaseUriWithoutSlash() {
    try (AppOptics api = AppOptics.builder().token("t").userAgent("mine/1")
        .baseUri(server.baseUri().replaceAll("/$", "")).build()) {
      api.submit("cpu", 1, Map.of("h", "a"));
    }
    assertThat(server.requests.get(0).header("User-Agent")).isEqualTo("mine/1");
    assertThat(server.requests.get(0).rawPath()).isEqualTo("/v1/measurements");
  }
}
