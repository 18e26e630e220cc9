package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void defaultsAreBoundedAndAtLeastOnce() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.totalDeadline()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.jitter()).isTrue();
    assertThat(p.delivery()).isEqualTo(RetryPolicy.Delivery.AT_LEAST_ONCE);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void backoffGrowsExponentiallyUpToTheCap() {
    RetryPolicy p = RetryPolicy.builder().jitter(false).initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(700)).multiplier(2).build();
    assertThat(p.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoff(4, 0.5)).isEqualTo(Duration.ofMillis(700));
    assertThat(p.backoff(60, 0.5)).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void fullJitterScalesTheBoundByTheRandomNumber() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).build();
    assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(p.backoff(2, 0.25)).isEqualTo(Duration.ofMillis(50));
    assertThat(p.backoff(3, 0.999)).isLessThan(Duration.ofMillis(400)).isGreaterThan(Duration.ofMillis(399));
  }

  @Test
  void invalidValuesAreNamed() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
        .hasMessageContaining("initialBackoff").hasMessageContaining("PT-0.001S");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier")
        .hasMessageContaining("0.5");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> RetryPolicy.builder().totalDeadline(Duration.ZERO)).hasMessageContaining("totalDeadline");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5))
        .maxBackoff(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxBackoff (PT1S)");
    assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0, 0)).hasMessage("retry must be >= 1, was 0");
  }

  @Test
  void valueSemanticsAndToBuilder() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(3).delivery(RetryPolicy.Delivery.AT_MOST_ONCE).build();
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toBuilder().maxAttempts(4).build()).isNotEqualTo(p);
    assertThat(p.toString()).contains("maxAttempts=3", "AT_MOST_ONCE");
  }
}
