package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.store.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@code tags_search} expression language: {@code name=pattern} and {@code name!=pattern} ({@code *} wildcards,
 * values optionally in single or double quotes), combined with {@code and}, {@code or}, {@code not} and parentheses;
 * {@code and} binds tighter than {@code or}. Example: {@code region=us-east* and (db=*prod* or not env=dev)}.
 *
 * <p>Parentheses and {@code not} nest at most {@link #MAX_DEPTH} levels (the parser recurses once per level); a long
 * chain of {@code and}/{@code or} is a flat list, so it costs no stack when parsed or evaluated.
 */
public final class TagSearch {
  static final int MAX_DEPTH = 100;
  /** How much of a refused expression its error message repeats. */
  private static final int SHOWN = 200;

  private final String text;
  private int pos;
  private int depth;

  private TagSearch(String text) {
    this.text = text;
  }

  /** The predicate the expression describes; a 400 naming {@code tags_search} when it does not parse. */
  public static Predicate<Map<String, String>> parse(String expression) {
    TagSearch s = new TagSearch(expression);
    Predicate<Map<String, String>> p = s.or();
    s.skipSpace();
    if (s.pos < s.text.length()) {
      throw s.fail("unexpected '" + shown(s.text.substring(s.pos)) + "' at position " + s.pos);
    }
    return p;
  }

  private Predicate<Map<String, String>> or() {
    List<Predicate<Map<String, String>>> any = new ArrayList<>();
    any.add(and());
    while (keyword("or")) {
      any.add(and());
    }
    if (any.size() == 1) {
      return any.get(0);
    }
    return tags -> {
      for (Predicate<Map<String, String>> p : any) {
        if (p.test(tags)) {
          return true;
        }
      }
      return false;
    };
  }

  private Predicate<Map<String, String>> and() {
    List<Predicate<Map<String, String>>> all = new ArrayList<>();
    all.add(unary());
    while (keyword("and")) {
      all.add(unary());
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return tags -> {
      for (Predicate<Map<String, String>> p : all) {
        if (!p.test(tags)) {
          return false;
        }
      }
      return true;
    };
  }

  private Predicate<Map<String, String>> unary() {
    skipSpace();
    int at = pos;
    if (keyword("not")) {
      return deeper(at, () -> unary().negate());
    }
    if (peek() == '(') {
      return deeper(at, () -> {
        pos++;
        Predicate<Map<String, String>> inner = or();
        skipSpace();
        if (peek() != ')') {
          throw fail("missing ')' at position " + pos);
        }
        pos++;
        return inner;
      });
    }
    return comparison();
  }

  /** Parses one more level of parentheses or {@code not}, refusing to go past {@link #MAX_DEPTH}. */
  private Predicate<Map<String, String>> deeper(int at, Supplier<Predicate<Map<String, String>>> inner) {
    if (depth == MAX_DEPTH) {
      throw fail("parentheses and 'not' nest more than " + MAX_DEPTH + " levels deep at position " + at);
    }
    depth++;
    try {
      return inner.get();
    } finally {
      depth--;
    }
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
      throw fail("expected '=' after tag name " + name + " at position " + pos);
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
        throw fail("unterminated quote at position " + pos);
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
    return ApiError.params("tags_search", "cannot parse '" + shown(text) + "': " + why);
  }

  private static String shown(String s) {
    return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…";
  }
}
