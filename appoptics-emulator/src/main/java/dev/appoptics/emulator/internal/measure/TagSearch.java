package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.store.Wildcards;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code tags_search} expression language: {@code name=pattern} and {@code name!=pattern} ({@code *} wildcards,
 * values optionally in single or double quotes), combined with {@code and}, {@code or}, {@code not} and parentheses;
 * {@code and} binds tighter than {@code or}. Example: {@code region=us-east* and (db=*prod* or not env=dev)}.
 */
public final class TagSearch {
  private final String text;
  private int pos;

  private TagSearch(String text) {
    this.text = text;
  }

  /** The predicate the expression describes; a 400 naming {@code tags_search} when it does not parse. */
  public static Predicate<Map<String, String>> parse(String expression) {
    TagSearch s = new TagSearch(expression);
    Predicate<Map<String, String>> p = s.or();
    s.skipSpace();
    if (s.pos < s.text.length()) {
      throw s.fail("unexpected '" + s.text.substring(s.pos) + "'");
    }
    return p;
  }

  private Predicate<Map<String, String>> or() {
    Predicate<Map<String, String>> left = and();
    while (keyword("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<Map<String, String>> and() {
    Predicate<Map<String, String>> left = unary();
    while (keyword("and")) {
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<Map<String, String>> unary() {
    if (keyword("not")) {
      return unary().negate();
    }
    skipSpace();
    if (peek() == '(') {
      pos++;
      Predicate<Map<String, String>> inner = or();
      skipSpace();
      if (peek() != ')') {
        throw fail("missing ')'");
      }
      pos++;
      return inner;
    }
    return comparison();
  }

  private Predicate<Map<String, String>> comparison() {
    String name = word("a tag name").toLowerCase(Locale.ROOT);
    skipSpace();
    boolean negated = false;
    if (text.startsWith("!=", pos)) {
      negated = true;
      pos += 2;
    } else if (peek() == '=') {
      pos++;
    } else {
      throw fail("expected '=' after tag name " + name);
    }
    skipSpace();
    String pattern = word("a value pattern");
    boolean not = negated;
    return tags -> {
      String v = tags.get(name);
      return v != null && Wildcards.matches(pattern, v) != not;
    };
  }

  private String word(String what) {
    skipSpace();
    char q = peek();
    if (q == '"' || q == '\'') {
      int end = text.indexOf(q, pos + 1);
      if (end < 0) {
        throw fail("unterminated quote");
      }
      String w = text.substring(pos + 1, end);
      pos = end + 1;
      return w;
    }
    int start = pos;
    while (pos < text.length() && " ()=!".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    if (start == pos) {
      throw fail("expected " + what + " at position " + start);
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String k) {
    skipSpace();
    int end = pos + k.length();
    if (text.regionMatches(true, pos, k, 0, k.length())
        && (end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '(')) {
      pos = end;
      return true;
    }
    return false;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private ApiError fail(String why) {
    return ApiError.params("tags_search", "cannot parse '" + text + "': " + why);
  }
}
