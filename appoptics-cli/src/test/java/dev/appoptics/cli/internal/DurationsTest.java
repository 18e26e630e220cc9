package dev.appoptics.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsNumbersWithUnits() {
    assertThat(Durations.seconds("90")).isEqualTo(90);
    assertThat(Durations.seconds("90s")).isEqualTo(90);
    assertThat(Durations.seconds("30m")).isEqualTo(1_800);
    assertThat(Durations.seconds("1H")).isEqualTo(3_600);
    assertThat(Durations.seconds("2d")).isEqualTo(172_800);
    assertThat(Durations.seconds("1w")).isEqualTo(604_800);
  }

  @Test
  void rejectsOtherTextNamingIt() {
    assertThatThrownBy(() -> Durations.seconds("soon")).hasMessageStartingWith("'soon' is not a duration");
    assertThatThrownBy(() -> Durations.seconds("1.5h")).hasMessageStartingWith("'1.5h' is not a duration");
    assertThatThrownBy(() -> Durations.seconds("0m")).hasMessageContaining("more than zero");
  }
}
