package dev.appoptics.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void alignsTextLeftAndNumbersRight() {
    String table =
        new Table("name", "period", "value")
            .row("cpu.load", 60, 0.75)
            .row("mem", 300, 1234.5)
            .render();

    assertThat(table)
        .isEqualTo(
            ""
                + "NAME      PERIOD   VALUE\n"
                + "cpu.load      60    0.75\n"
                + "mem          300  1234.5\n");
  }

  @Test
  void missingValuesShowAsDashAndTrailingSpaceIsTrimmed() {
    assertThat(new Table("a", "b").row("x", null).render()).isEqualTo("A  B\nx  -\n");
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    assertThatThrownBy(() -> new Table("a", "b").row("x")).hasMessageContaining("1 cells").hasMessageContaining("2");
  }
}
