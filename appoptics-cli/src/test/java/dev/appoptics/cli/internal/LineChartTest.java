package dev.appoptics.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {
  private static final long T0 = 1_700_000_000L; // 2023-11-14 22:13:20 UTC

  @Test
  void risingLineGoesFromBottomLeftToTopRight() {
    String chart = new LineChart(4, 2).render(List.of(new LineChart.Point(T0, 0), new LineChart.Point(T0 + 60, 7)));

    assertThat(chart)
        .isEqualTo(
            ""
                + "  7 ┤  ⡠⠊\n"
                + "  0 ┤⡠⠊\n"
                + "    └────\n"
                + "    22:13 22:14 UTC\n");
  }

  @Test
  void sameInputGivesSameOutput() {
    List<LineChart.Point> points = wave(50);
    assertThat(new LineChart(30, 6).render(points)).isEqualTo(new LineChart(30, 6).render(new ArrayList<>(points)));
  }

  @Test
  void everyRowHasTheSameWidthPrefixAndAtMostTheChartWidth() {
    String[] lines = new LineChart(30, 6).render(wave(50)).split("\n");

    assertThat(lines).hasSize(8);
    for (int row = 0; row < 6; row++) {
      assertThat(lines[row].indexOf(row == 0 || row == 3 || row == 5 ? '┤' : '│')).isEqualTo(lines[0].indexOf('┤'));
      assertThat(lines[row].length() - lines[0].indexOf('┤') - 1).isLessThanOrEqualTo(30);
    }
    assertThat(lines[6]).endsWith("└" + "─".repeat(30));
  }

  @Test
  void axisLabelsShowMaximumMiddleAndMinimum() {
    String chart =
        new LineChart(10, 5)
            .render(List.of(new LineChart.Point(T0, -2.5), new LineChart.Point(T0 + 600, 17.5)));

    String[] lines = chart.split("\n");
    assertThat(lines[0]).startsWith("17.5 ┤");
    assertThat(lines[2]).startsWith(" 7.5 ┤");
    assertThat(lines[4]).startsWith("-2.5 ┤");
    assertThat(lines[6]).contains("22:13").endsWith("22:23 UTC");
  }

  @Test
  void pointsAreSortedByTimeBeforeDrawing() {
    LineChart chart = new LineChart(8, 3);
    List<LineChart.Point> ordered = wave(10);
    List<LineChart.Point> reversed = new ArrayList<>(ordered);
    java.util.Collections.reverse(reversed);

    assertThat(chart.render(reversed)).isEqualTo(chart.render(ordered));
  }

  @Test
  void flatSeriesIsDrawnInTheMiddle() {
    String[] lines =
        new LineChart(4, 3)
            .render(List.of(new LineChart.Point(T0, 5), new LineChart.Point(T0 + 60, 5)))
            .split("\n");

    assertThat(lines[0]).doesNotContainPattern("[\u2801-\u28ff]");
    assertThat(lines[1]).containsPattern("[\u2801-\u28ff]");
    assertThat(lines[1]).startsWith("  5 ┤");
  }

  @Test
  void singlePointAndNoDataAreHandled() {
    assertThat(new LineChart(4, 2).render(List.of(new LineChart.Point(T0, 3)))).contains("⡀");
    assertThat(new LineChart(4, 2).render(List.of())).isEqualTo("(no data)\n");
    assertThat(new LineChart(4, 2).render(List.of(new LineChart.Point(T0, Double.NaN)))).isEqualTo("(no data)\n");
  }

  @Test
  void longRangesShowTheDate() {
    String chart =
        new LineChart(20, 2)
            .render(List.of(new LineChart.Point(T0, 1), new LineChart.Point(T0 + 2 * 86_400, 2)));

    assertThat(chart).contains("11-14 22:13").contains("11-16 22:13 UTC");
  }

  @Test
  void rejectsTinySizes() {
    assertThatThrownBy(() -> new LineChart(1, 5)).hasMessageContaining("1x5");
  }

  private static List<LineChart.Point> wave(int n) {
    List<LineChart.Point> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(new LineChart.Point(T0 + 60L * i, Math.sin(i / 5.0) * 10));
    }
    return points;
  }
}
