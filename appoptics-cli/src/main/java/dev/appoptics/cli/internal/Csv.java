package dev.appoptics.cli.internal;

import java.util.List;

/** Comma-separated values as RFC 4180 has them: fields with commas, quotes or line breaks are quoted. */
public final class Csv {
  private final StringBuilder out = new StringBuilder();

  public Csv(List<String> header) {
    row(header);
  }

  /** Appends one record; {@link Double} values are written in full precision, others with toString. */
  public Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(field(fields.get(i))));
    }
    out.append("\r\n");
    return this;
  }

  public String render() {
    return out.toString();
  }

  private static String field(Object value) {
    if (value instanceof Double number) {
      return Numbers.exact(number);
    }
    return value == null ? "" : value.toString();
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
