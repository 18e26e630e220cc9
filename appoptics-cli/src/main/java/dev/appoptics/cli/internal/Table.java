package dev.appoptics.cli.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for people: a header row in capitals, columns separated by two spaces, numbers right-aligned.
 *
 * <pre>{@code
 * new Table("name", "type").row("cpu", "gauge").render();
 * // NAME  TYPE
 * // cpu   gauge
 * }</pre>
 */
public final class Table {
  private final List<String> headers;
  private final List<Object[]> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; {@link Number} cells are right-aligned and formatted with {@link Numbers}, others use toString. */
  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the table has " + headers.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** The table, one line per row, each ending in a newline; trailing spaces are trimmed. */
  public String render() {
    int columns = headers.size();
    int[] widths = new int[columns];
    boolean[] numeric = new boolean[columns];
    Arrays.fill(numeric, !rows.isEmpty());
    List<String[]> text = new ArrayList<>();
    for (Object[] row : rows) {
      String[] line = new String[columns];
      for (int c = 0; c < columns; c++) {
        line[c] = cell(row[c]);
        numeric[c] &= row[c] instanceof Number || row[c] == null;
      }
      text.add(line);
    }
    String[] head = headers.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new);
    for (int c = 0; c < columns; c++) {
      widths[c] = head[c].length();
      for (String[] line : text) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    append(out, head, widths, numeric);
    for (String[] line : text) {
      append(out, line, widths, numeric);
    }
    return out.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Double || value instanceof Float) {
      return Numbers.format(((Number) value).doubleValue());
    }
    return value.toString();
  }

  private static void append(StringBuilder out, String[] cells, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[c] - cells[c].length());
      line.append(numeric[c] ? pad + cells[c] : cells[c] + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
