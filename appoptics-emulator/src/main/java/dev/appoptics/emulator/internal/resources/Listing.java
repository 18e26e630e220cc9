package dev.appoptics.emulator.internal.resources;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Paging;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Locale;
import java.util.regex.Pattern;

/** Query-parameter rules shared by the list endpoints: {@code orderby} and the name filters. */
public final class Listing {
  private Listing() {}

  /** The {@code orderby} value, {@code fallback} when absent; any value not in {@code allowed} is a 400. */
  public static String orderBy(ApiRequest request, String fallback, List<String> allowed) {
    String value = request.query("orderby").filter(v -> !v.isEmpty()).orElse(fallback);
    if (!allowed.contains(value)) {
      throw ApiError.params("orderby", "must be one of " + String.join(", ", allowed) + ", was " + value);
    }
    return value;
  }

  /**
   * One page of {@code found} out of {@code total} as the 200 answer {@code {"query":{…}, key:[…]}}, each item shown
   * through {@code render}.
   */
  public static <T> ApiResponse page(
      Paging paging,
      String key,
      List<T> found,
      int total,
      Comparator<? super T> order,
      Function<? super T, ?> render) {
    Map<String, Object> body = paging.page(key, found, total, order);
    @SuppressWarnings("unchecked")
    List<T> items = (List<T>) body.get(key);
    body.put(key, items.stream().map(render).toList());
    return ApiResponse.json(200, body);
  }

  /** Case-insensitive substring match; an empty filter matches everything. */
  public static boolean containsIgnoreCase(String value, String filter) {
    return value.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
  }

  /** A {@code *} wildcard pattern as a whole-string, case-insensitive regex. */
  public static Pattern wildcard(String pattern) {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }
}
