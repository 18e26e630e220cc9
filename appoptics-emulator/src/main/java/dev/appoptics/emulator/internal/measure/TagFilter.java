package dev.appoptics.emulator.internal.measure;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.store.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code tags[name]=pattern} filter of measurement queries: {@code *} wildcards in values, a repeated name is an
 * OR, different names are an AND, {@code !pattern} excludes values (the series must still have the tag), and
 * {@code tags[!name]} (any value) keeps only series without that tag. {@code tags=*} or no filter keeps everything.
 * Values match ignoring case.
 */
public final class TagFilter {
  private TagFilter() {}

  /** The filter from the query parameters; absent filters accept every series. */
  public static Predicate<Map<String, String>> fromQuery(Map<String, List<String>> query) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("tags[")) {
        continue;
      }
      int close = key.indexOf(']');
      if (close < 0) {
        throw ApiError.params("tags", "malformed tag filter parameter " + key);
      }
      String name = key.substring(5, close).toLowerCase(Locale.ROOT);
      if (name.startsWith("!")) {
        absent.add(name.substring(1));
      } else if (!name.isEmpty()) {
        for (String v : e.getValue()) {
          for (String part : v.split(",")) {
            if (!part.isBlank()) {
              byName.computeIfAbsent(name, n -> new ArrayList<>()).add(part.trim());
            }
          }
        }
      }
    }
    if (byName.isEmpty() && absent.isEmpty()) {
      return tags -> true;
    }
    return tags -> {
      for (String name : absent) {
        if (tags.containsKey(name)) {
          return false;
        }
      }
      for (Map.Entry<String, List<String>> e : byName.entrySet()) {
        if (!matchesAny(tags.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    };
  }

  /** Whether any query parameter is a tag filter ({@code tags[...]} or a {@code tags} other than {@code *}). */
  public static boolean present(Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (e.getKey().startsWith("tags[")) {
        return true;
      }
      if (e.getKey().equals("tags") && e.getValue().stream().anyMatch(v -> !v.equals("*") && !v.isEmpty())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAny(String value, List<String> patterns) {
    if (value == null) {
      return false;
    }
    boolean anyPositive = false;
    boolean positiveHit = false;
    for (String p : patterns) {
      if (p.startsWith("!")) {
        if (Wildcards.matches(p.substring(1), value)) {
          return false;
        }
      } else {
        anyPositive = true;
        positiveHit |= Wildcards.matches(p, value);
      }
    }
    return !anyPositive || positiveHit;
  }
}
