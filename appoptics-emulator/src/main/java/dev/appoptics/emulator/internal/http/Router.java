package dev.appoptics.emulator.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a method and a path such as {@code /v1/spaces/{id}/charts/{chartId}} to a handler. Segments in braces capture
 * one decoded path segment each. A path that matches some route but not its method gets 405 from the caller; one that
 * matches none gets the API's 404.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, pattern.split("/", -1), handler));
    return this;
  }

  /** The route for this method and path, with its captured segments. */
  public Optional<Match> match(String method, List<String> segments) {
    for (Route route : routes) {
      Map<String, String> params = route.capture(segments);
      if (params != null && route.method.equals(method)) {
        return Optional.of(new Match(route.handler, params));
      }
    }
    return Optional.empty();
  }

  /** Whether any route, whatever its method, matches the path. */
  public boolean knowsPath(List<String> segments) {
    return routes.stream().anyMatch(r -> r.capture(segments) != null);
  }

  public record Match(Handler handler, Map<String, String> pathParams) {}

  private record Route(String method, String[] pattern, Handler handler) {
    /** Captured segments, or null when the path does not fit this pattern. */
    Map<String, String> capture(List<String> segments) {
      if (segments.size() != pattern.length) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < pattern.length; i++) {
        String p = pattern[i];
        String s = segments.get(i);
        if (p.startsWith("{") && p.endsWith("}")) {
          if (s.isEmpty()) {
            return null;
          }
          params.put(p.substring(1, p.length() - 1), s);
        } else if (!p.equals(s)) {
          return null;
        }
      }
      return params;
    }
  }
}
