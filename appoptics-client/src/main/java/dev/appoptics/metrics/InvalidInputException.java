package dev.appoptics.metrics;

import java.util.List;

/**
 * A value handed to the library would be refused by the API, so nothing was sent. {@link #field()} names the
 * parameter and {@link #value()} shows what was given.
 */
public class InvalidInputException extends AppOpticsException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  /** Creates the error for {@code field} holding {@code value}, explained by {@code reason}. */
  public InvalidInputException(String field, Object value, String reason) {
    super(0, "", "", List.of(field + ": " + reason + " (was: " + render(value) + ")"), "", null);
    this.field = field;
    this.value = render(value);
  }

  private static String render(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** The name of the offending parameter ("name", "tags", "value", "start_time", …). */
  public String field() {
    return field;
  }

  /** The offending value as text, quoted when it was a string. */
  public String value() {
    return value;
  }
}
