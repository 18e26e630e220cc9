package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamesTest {
  @Test
  void sanitizeFollowsThePythonRules() {
    assertThat(MetricNames.sanitize("   \t\nbat$$$*[]()m#@%^&=`~an")).isEqualTo("-bat-m-an");
    assertThat(MetricNames.sanitize("Just*toBeSafe")).isEqualTo("Just-toBeSafe");
    assertThat(MetricNames.sanitize("a".repeat(500))).isEqualTo("a".repeat(255));
    assertThat(MetricNames.sanitize("héllo wörld/x[1]")).isEqualTo("h-llo-w-rld-x-1-");
    assertThat(MetricNames.sanitize("ok.name:with-all_chars")).isEqualTo("ok.name:with-all_chars");
  }

  @Test
  void pythonNamedVariants() {
    assertThat(MetricNames.sanitizeMetricName("a b")).isEqualTo("a-b");
    assertThat(MetricNames.sanitizeNoOp("a b")).isEqualTo("a b");
  }

  @Test
  void cutsAfterReplacing() {
    // 300 disallowed characters collapse to one dash before the cut
    assertThat(MetricNames.sanitize("$".repeat(300) + "x")).isEqualTo("-x");
  }

  @Test
  void validity() {
    assertThat(MetricNames.isValid("cpu.load:1m_avg-x")).isTrue();
    assertThat(MetricNames.isValid("")).isFalse();
    assertThat(MetricNames.isValid("a b")).isFalse();
    assertThat(MetricNames.isValid("a".repeat(256))).isFalse();
    assertThat(MetricNames.isValid(null)).isFalse();
  }
}
