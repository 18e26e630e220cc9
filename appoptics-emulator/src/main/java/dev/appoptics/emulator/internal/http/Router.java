package dev.appoptics.emulator.internal.http;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps a method and a path to a handler. A pattern such as {@code /v1/spaces/{id}/charts/{chartId}} matches segment
 * by segment: a segment in braces captures one non-empty decoded segment; a last segment {@code {name*}} captures
 * the rest of the path, zero or more segments joined with {@code /} (for static files). A path that matches some
 * route but not its method gets 405 from the front; one that matches none gets the API's 404.
 *
 * <p>Three kinds of routes:
 *
 * <ul>
 *   <li>{@link #add API routes}, under {@code /v1/}: the front injects faults, authenticates the token, applies the
 *       rate limit and adds the rate-limit headers before the handler runs.
 *   <li>{@link #addPublic public routes}, outside {@code /v1/} (health checks, a metrics scrape, a web console's
 *       files): no faults, no token, no rate limit. Body limits, the request log and error bodies are the same.
 *   <li>{@link #addAdmin admin routes}, outside {@code /v1/} (a server's operations, such as snapshots of its data):
 *       only an admin token (a configured one, or one made through the API with the admin role); no faults, no
 *       rate limit.
 * </ul>
 *
 * <p>Either kind is registered by an {@link ApiModule}; routes are tried in registration order. Routes may be added
 * while requests are matched (the front answers health checks before the API's modules are registered).
 */
public final class Router {
  private static final String API_PREFIX = "/v1/";

  private enum Kind { API, PUBLIC, ADMIN }

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** An API route; {@code pattern} starts with {@code /v1/}. */
  public Router add(String method, String pattern, Handler handler) {
    if (!pattern.startsWith(API_PREFIX)) {
      throw new IllegalArgumentException("API routes live under " + API_PREFIX + ": " + pattern);
    }
    routes.add(Route.of(method, pattern, handler, Kind.API));
    return this;
  }

  /**
   * A public route: answered without a token, a rate limit or injected faults. {@code pattern} lies outside
   * {@code /v1/} and may end in a {@code {name*}} segment, e.g. {@code addPublic("GET", "/console/{file*}", …)}.
   */
  public Router addPublic(String method, String pattern, Handler handler) {
    return addOutsideApi(method, pattern, handler, Kind.PUBLIC);
  }

  /**
   * An admin route: answered only for an admin token, without a rate limit or injected faults. {@code pattern} lies
   * outside {@code /v1/}: these are the server's operations, not the AppOptics API.
   */
  public Router addAdmin(String method, String pattern, Handler handler) {
    return addOutsideApi(method, pattern, handler, Kind.ADMIN);
  }

  private Router addOutsideApi(String method, String pattern, Handler handler, Kind kind) {
    if (pattern.equals("/v1") || pattern.startsWith(API_PREFIX)) {
      throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " routes live outside "
          + API_PREFIX + ": " + pattern);
    }
    routes.add(Route.of(method, pattern, handler, kind));
    return this;
  }

  /** The route for this method and path, with its captured segments. */
  public Optional<Match> match(String method, List<String> segments) {
    for (Route route : routes) {
      if (route.method.equals(method) && route.fits(segments)) {
        return Optional.of(new Match(route.handler, route.capture(segments), route.template));
      }
    }
    return Optional.empty();
  }

  /** Whether any route, whatever its method, matches the path. */
  public boolean knowsPath(List<String> segments) {
    return routes.stream().anyMatch(r -> r.fits(segments));
  }

  /** Whether the path belongs to a public route (of any method): no token, rate limit or faults apply to it. */
  public boolean isPublic(List<String> segments) {
    return routes.stream().anyMatch(r -> r.kind == Kind.PUBLIC && r.fits(segments));
  }

  /** Whether the path belongs to an admin route (of any method): only an admin token may call it. */
  public boolean isAdmin(List<String> segments) {
    return routes.stream().anyMatch(r -> r.kind == Kind.ADMIN && r.fits(segments));
  }

  /** A matched route: its handler, the segments it captured, and its pattern as registered (a label for figures). */
  public record Match(Handler handler, Map<String, String> pathParams, String route) {}

  private record Route(String method, String template, String[] pattern, String rest, Handler handler,
      Kind kind) {
    static Route of(String method, String pattern, Handler handler, Kind kind) {
      String[] parts = pattern.split("/", -1);
      String last = parts[parts.length - 1];
      if (last.startsWith("{") && last.endsWith("*}")) {
        String[] fixed = new String[parts.length - 1];
        System.arraycopy(parts, 0, fixed, 0, fixed.length);
        return new Route(method, pattern, fixed, last.substring(1, last.length() - 2), handler, kind);
      }
      return new Route(method, pattern, parts, null, handler, kind);
    }

    /** Whether the path fits this pattern (checked before anything is captured, so a miss allocates nothing). */
    boolean fits(List<String> segments) {
      if (rest == null ? segments.size() != pattern.length : segments.size() < pattern.length) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        String p = pattern[i];
        String s = segments.get(i);
        if (isParam(p) ? s.isEmpty() : !p.equals(s)) {
          return false;
        }
      }
      return true;
    }

    Map<String, String> capture(List<String> segments) {
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < pattern.length; i++) {
        if (isParam(pattern[i])) {
          params.put(pattern[i].substring(1, pattern[i].length() - 1), segments.get(i));
        }
      }
      if (rest != null) {
        params.put(rest, String.join("/", segments.subList(pattern.length, segments.size())));
      }
      return params;
    }

    private static boolean isParam(String p) {
      return p.startsWith("{") && p.endsWith("}");
    }
  }
}
