package dev.appoptics.emulator.internal.measure;

/**
 * The API's character rules: metric names {@code [-.:_A-Za-z0-9]{1,255}}, tag names {@code [-.:_A-Za-z0-9]{1,64}},
 * tag values {@code [-.:_?\\/A-Za-z0-9 ]{1,255}}. ASCII only, as the service's {@code \w} is.
 */
public final class NameRules {
  public static final int MAX_METRIC_NAME = 255;
  public static final int MAX_TAG_NAME = 64;
  public static final int MAX_TAG_VALUE = 255;
  public static final int MAX_TAGS = 50;

  private NameRules() {}

  private static final boolean[] NAME_CHARS = table("-.:_");
  private static final boolean[] VALUE_CHARS = table("-.:_?\\/ ");

  public static boolean validMetricName(String s) {
    return s.length() >= 1 && s.length() <= MAX_METRIC_NAME && allowed(s, NAME_CHARS);
  }

  public static boolean validTagName(String s) {
    return s.length() >= 1 && s.length() <= MAX_TAG_NAME && allowed(s, NAME_CHARS);
  }

  public static boolean validTagValue(String s) {
    return s.length() >= 1 && s.length() <= MAX_TAG_VALUE && allowed(s, VALUE_CHARS);
  }

  private static boolean allowed(String s, boolean[] table) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || !table[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean[] table(String extra) {
    boolean[] t = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      t[c] = true;
      t[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      t[c] = true;
    }
    for (char c : extra.toCharArray()) {
      t[c] = true;
    }
    return t;
  }
}
