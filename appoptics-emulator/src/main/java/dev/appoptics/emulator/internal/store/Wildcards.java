package dev.appoptics.emulator.internal.store;

/** Glob matching with {@code *} (any run of characters, also none), ignoring case, as the API's filters do. */
public final class Wildcards {
  private Wildcards() {}

  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) != '*' && same(pattern.charAt(p), text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b) {
    return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
  }
}
