package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.metrics.internal.reliability.Failure;
import dev.appoptics.metrics.internal.reliability.Failure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static ConnectionException connection(Throwable cause) {
    return new ConnectionException("POST", "/v1/measurements", "failed", cause);
  }

  @Test
  void failuresBeforeAnyByteWasSentAreNotSent() {
    assertThat(Failures.classify(connection(new ConnectException("Connection refused"))).kind())
        .isEqualTo(Kind.NOT_SENT);
    assertThat(Failures.classify(connection(new UnknownHostException("nowhere"))).kind()).isEqualTo(Kind.NOT_SENT);
    assertThat(Failures.classify(connection(new ConnectTimeoutException("connect timed out"))).kind())
        .isEqualTo(Kind.NOT_SENT);
    assertThat(Failures.classify(new RequestTimeoutException("POST", "/v1/measurements", "timed out",
        new IOException(new HttpConnectTimeoutException("connect")))).kind()).isEqualTo(Kind.NOT_SENT);
  }

  @Test
  void failuresAfterTheRequestWasWrittenMayHaveBeenDelivered() {
    assertThat(Failures.classify(connection(new NoHttpResponseException("no answer"))).kind())
        .isEqualTo(Kind.MAYBE_DELIVERED);
    assertThat(Failures.classify(new RequestTimeoutException("POST", "/v1/measurements", "timed out",
        new SocketTimeoutException("Read timed out"))).kind()).isEqualTo(Kind.MAYBE_DELIVERED);
  }

  @Test
  void statusesMapToRefusalsOrPermanentFailures() {
    assertThat(Failures.classify(new ServerErrorException(503, "GET", "/v1/x", List.of(), "")).kind())
        .isEqualTo(Kind.SERVER_ERROR);
    assertThat(Failures.classify(new BadRequestException("POST", "/v1/x", List.of("bad"), "")).kind())
        .isEqualTo(Kind.PERMANENT);
    assertThat(Failures.classify(new IllegalStateException("bug")).kind()).isEqualTo(Kind.PERMANENT);
  }

  @Test
  void rateLimitWaitComesFromRetryAfterOrElseTheRateLimitReset() {
    Failure hinted = Failures.classify(new RateLimitedException("POST", "/v1/measurements", List.of(), "",
        Duration.ofSeconds(4), Map.of()));
    assertThat(hinted.retryAfter()).contains(Duration.ofSeconds(4));

    long reset = Instant.now().getEpochSecond() + 30;
    Failure fromHeaders = Failures.classify(new RateLimitedException("POST", "/v1/measurements", List.of(), "",
        null, Map.of("x-librato-ratelimit-agg", "limit=10,remaining=0,reset=" + reset)));
    assertThat(fromHeaders.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(fromHeaders.retryAfter().orElseThrow()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
  }
}
