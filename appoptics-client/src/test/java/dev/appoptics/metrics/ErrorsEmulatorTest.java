package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.Faults;
import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error statuses and transport failures from the emulator, through both HTTP engines. */
class ErrorsEmulatorTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR =
      AppOpticsEmulatorExtension.create(b -> b.tokens("good-token"));

  private static AppOptics connect(String token, HttpEngine engine) {
    // no retries: these tests look at how each single failure is reported
    return AppOptics.builder().token(token).baseUri(EMULATOR.baseUri()).httpEngine(engine)
        .retryPolicy(RetryPolicy.none()).build();
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void unknownTokenIsUnauthorized(HttpEngine engine) {
    try (AppOptics api = connect("wrong", engine)) {
      assertThatThrownBy(api::listMetrics)
          .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errors()).isNotEmpty();
          });
      assertThatThrownBy(() -> api.submit("m", 1, Map.of("h", "a")))
          .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.errorMessage()).isNotBlank();
          });
    }
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void injectedStatusesMapToTypes(HttpEngine engine) {
    Map<Integer, Class<? extends ApiException>> cases = Map.of(
        400, BadRequestException.class,
        403, ForbiddenException.class,
        404, NotFoundException.class,
        409, ConflictException.class,
        422, UnprocessableEntityException.class,
        500, ServerErrorException.class,
        503, ServerErrorException.class);
    try (AppOptics api = connect("good-token", engine)) {
      cases.forEach((status, type) -> {
        EMULATOR.emulator().setFaults(Faults.builder().failNext(1, status).build());
        assertThatThrownBy(api::listMetrics)
            .isExactlyInstanceOf(type)
            .satisfies(e -> {
              ApiException ae = (ApiException) e;
              assertThat(ae.status()).isEqualTo(status);
              assertThat(ae.path()).isEqualTo("/v1/metrics");
              assertThat(ae.getMessage()).startsWith("[" + status + "] GET /v1/metrics");
            });
      });
    }
  }

  @Test
  void alreadyExistsIsUnprocessable() {
    try (AppOptics api = connect("good-token", HttpEngine.APACHE)) {
      EMULATOR.emulator().setFaults(Faults.builder().failNext(1, 422).build());
      assertThatThrownBy(() -> api.createMetric("x")).isInstanceOf(UnprocessableEntityException.class);
    }
  }

  @Test
  void rateLimitWithRetryAfter() {
    try (AppOptics api = connect("good-token", HttpEngine.APACHE)) {
      EMULATOR.emulator().setFaults(Faults.builder().rateLimitNext(1, 3).build());
      assertThatThrownBy(() -> api.submit("m", 1, Map.of("h", "a")))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
          });
      api.submit("m", 1, Map.of("h", "a"));
    }
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void droppedConnectionIsAConnectionException(HttpEngine engine) {
    try (AppOptics api = connect("good-token", engine)) {
      api.listMetrics();
      EMULATOR.emulator().setFaults(Faults.builder().dropNext(1).build());
      assertThatThrownBy(() -> api.submit("m", 1, Map.of("h", "a")))
          .isInstanceOf(ConnectionException.class)
          .satisfies(e -> assertThat(((TransportException) e).status()).isZero());
      api.submit("m", 1, Map.of("h", "a"));
    }
  }

  @ParameterizedTest
  @EnumSource(HttpEngine.class)
  void slowAnswerIsATimeout(HttpEngine engine) {
    try (AppOptics api = connect("good-token", engine)) {
      api.setTimeout(Duration.ofMillis(150));
      EMULATOR.emulator().setFaults(Faults.builder().latency(1.0, Duration.ofMillis(1000)).build());
      assertThatThrownBy(api::listMetrics).isInstanceOf(RequestTimeoutException.class);
      EMULATOR.emulator().setFaults(Faults.none());
      api.setTimeout(Duration.ofSeconds(10));
      assertThat(api.listMetrics().items()).isEmpty();
    }
  }
}
