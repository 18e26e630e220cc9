package dev.appoptics.cli.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line chart drawn with Unicode braille characters (2×4 dots a character), with a value axis on the left and the
 * time range (UTC) below. The output depends only on the points and the size, so it is the same on every machine.
 *
 * <pre>{@code
 * String chart = new LineChart(40, 8).render(List.of(new LineChart.Point(1700000000, 1.5), ...));
 * }</pre>
 */
public final class LineChart {
  /** One value at one time (epoch seconds). */
  public record Point(long time, double value) {}

  private static final int[][] DOTS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_CLOCK =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final int width;
  private final int height;

  /**
   * @param width plot width in characters (each holds two points across), at least 2
   * @param height plot height in lines (each holds four dots down), at least 2
   */
  public LineChart(int width, int height) {
    if (width < 2 || height < 2) {
      throw new IllegalArgumentException("chart size must be at least 2x2, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  /** The chart, each line ending in a newline; {@code (no data)} when there is no finite point. */
  public String render(List<Point> points) {
    List<Point> sorted = new ArrayList<>();
    for (Point p : points) {
      if (Double.isFinite(p.value())) {
        sorted.add(p);
      }
    }
    if (sorted.isEmpty()) {
      return "(no data)\n";
    }
    sorted.sort(Comparator.comparingLong(Point::time));
    long t0 = sorted.get(0).time();
    long t1 = sorted.get(sorted.size() - 1).time();
    double min = sorted.stream().mapToDouble(Point::value).min().orElseThrow();
    double max = sorted.stream().mapToDouble(Point::value).max().orElseThrow();
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    int[][] cells = plot(sorted, t0, t1, min, max);
    return frame(cells, t0, t1, min, max);
  }

  private int[][] plot(List<Point> points, long t0, long t1, double min, double max) {
    int pixelsAcross = width * 2;
    int pixelsDown = height * 4;
    int[][] cells = new int[height][width];
    int previousX = -1;
    int previousY = -1;
    for (Point p : points) {
      int x = t1 == t0 ? 0 : (int) Math.round((double) (p.time() - t0) * (pixelsAcross - 1) / (t1 - t0));
      int up = (int) Math.round((p.value() - min) * (pixelsDown - 1) / (max - min));
      int y = pixelsDown - 1 - up;
      if (previousX < 0) {
        set(cells, x, y);
      } else {
        line(cells, previousX, previousY, x, y);
      }
      previousX = x;
      previousY = y;
    }
    return cells;
  }

  /** Bresenham's line between two dots, both ends included. */
  private static void line(int[][] cells, int x0, int y0, int x1, int y1) {
    int dx = Math.abs(x1 - x0);
    int dy = -Math.abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1;
    int sy = y0 < y1 ? 1 : -1;
    int error = dx + dy;
    while (true) {
      set(cells, x0, y0);
      if (x0 == x1 && y0 == y1) {
        return;
      }
      int twice = 2 * error;
      if (twice >= dy) {
        error += dy;
        x0 += sx;
      }
      if (twice <= dx) {
        error += dx;
        y0 += sy;
      }
    }
  }

  private static void set(int[][] cells, int x, int y) {
    cells[y / 4][x / 2] |= DOTS[x % 2][y % 4];
  }

  private String frame(int[][] cells, long t0, long t1, double min, double max) {
    String top = Numbers.format(max, 4);
    String middle = Numbers.format((max + min) / 2, 4);
    String bottom = Numbers.format(min, 4);
    int labelWidth = Math.max(top.length(), Math.max(middle.length(), bottom.length()));
    StringBuilder out = new StringBuilder();
    for (int row = 0; row < height; row++) {
      String label = row == 0 ? top : row == height - 1 ? bottom : row == height / 2 ? middle : "";
      out.append(" ".repeat(labelWidth - label.length())).append(label);
      out.append(label.isEmpty() ? " │" : " ┤");
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < width; col++) {
        line.append(cells[row][col] == 0 ? ' ' : (char) (0x2800 + cells[row][col]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    String indent = " ".repeat(labelWidth + 1);
    out.append(indent).append('└').append("─".repeat(width)).append('\n');
    DateTimeFormatter format = t1 - t0 >= 86_400 ? DAY_CLOCK : CLOCK;
    String start = format.format(Instant.ofEpochSecond(t0));
    String end = format.format(Instant.ofEpochSecond(t1)) + " UTC";
    int gap = Math.max(1, width + 1 - start.length() - end.length());
    out.append(indent).append(start).append(" ".repeat(gap)).append(end).append('\n');
    return out.toString();
  }
}
