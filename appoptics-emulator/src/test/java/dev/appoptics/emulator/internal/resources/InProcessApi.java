package dev.appoptics.emulator.internal.resources;

import dev.appoptics.emulator.internal.http.ApiError;
import dev.appoptics.emulator.internal.http.ApiModule;
import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Routes requests straight into the modules, the way the server does, without a socket. */
final class InProcessApi implements Api {
  private final Router router = new Router();
  private final List<ApiModule> modules;
  private long now = 1_700_000_000L;

  InProcessApi(List<ApiModule> modules) {
    this.modules = modules;
    modules.forEach(m -> m.register(router));
  }

  @Override
  public void reset() {
    modules.forEach(ApiModule::clear);
  }

  @Override
  public Reply call(String method, String pathAndQuery, String contentType, String body) {
    now++;
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      segments.add(decode(s));
    }
    Map<String, String> headers = new HashMap<>();
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ApiRequest request =
        new ApiRequest(method, pathAndQuery, segments, Map.of(), query, headers, bytes, "test-token", now);
    ApiResponse response;
    try {
      response =
          router
              .match(method, segments)
              .map(m -> m.handler().handle(request.withPathParams(m.pathParams())))
              .orElseGet(
                  () -> router.knowsPath(segments)
                      ? ApiResponse.empty(405)
                      : ApiError.notFound("Not found").toResponse(now));
    } catch (ApiError e) {
      response = e.toResponse(now);
    }
    Map<String, String> lower = new HashMap<>();
    response.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new Reply(response.status(), lower, response.bodyText());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
