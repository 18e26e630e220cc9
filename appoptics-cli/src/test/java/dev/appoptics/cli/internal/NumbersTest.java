package dev.appoptics.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void formatsShortAndWithoutNeedlessZeros() {
    assertThat(Numbers.format(12.5)).isEqualTo("12.5");
    assertThat(Numbers.format(3.0)).isEqualTo("3");
    assertThat(Numbers.format(1.0 / 3)).isEqualTo("0.333333");
    assertThat(Numbers.format(1.0 / 3, 3)).isEqualTo("0.333");
    assertThat(Numbers.format(1_500_000)).isEqualTo("1500000");
    assertThat(Numbers.format(-0.75)).isEqualTo("-0.75");
    assertThat(Numbers.format(0)).isEqualTo("0");
    assertThat(Numbers.format(1.2e12, 3)).isEqualTo("1.2e+12");
    assertThat(Numbers.format(2e-7, 3)).isEqualTo("2e-07");
  }

  @Test
  void exactKeepsEveryDigit() {
    assertThat(Numbers.exact(9.0)).isEqualTo("9");
    assertThat(Numbers.exact(0.1)).isEqualTo("0.1");
    assertThat(Numbers.exact(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(Numbers.exact(-1500)).isEqualTo("-1500");
  }
}
