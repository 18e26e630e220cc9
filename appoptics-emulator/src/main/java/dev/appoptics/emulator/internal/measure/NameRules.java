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

  public static boolean validMetricName(String s) {
    return s.length() >= 1 && s.length() <= MAX_METRIC_NAME && allowed(s, "-.:_");
  }

  public static boolean validTagName(String s) {
    return s.length() >= 1 && s.length() <= MAX_TAG_NAME && allowed(s, "-.:_");
  }

  public static boolean validTagValue(String s) {
    return s.length() >= 1 && s.length() <= MAX_TAG_VALUE && allowed(s, "-.:_?\\/ ");
  }

  private static boolean allowed(String s, String extra) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
