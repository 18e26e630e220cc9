package dev.appoptics.cli.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people type them on a command line: {@code 90}, {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})([smhdw]?)");

  private Durations() {}

  /**
   * Seconds in {@code text}: a whole number with an optional unit (s, m, h, d, w; none means seconds).
   *
   * @throws IllegalArgumentException naming the text when it is not such a duration or is zero
   */
  public static long seconds(String text) {
    Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; use seconds or a number with s, m, h, d or w (e.g. 90, 30m, 1h)");
    }
    long amount = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "m" -> 60;
          case "h" -> 3_600;
          case "d" -> 86_400;
          case "w" -> 604_800;
          default -> 1;
        };
    if (amount == 0) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; it must be more than zero");
    }
    return amount * unit;
  }
}
