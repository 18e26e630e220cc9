package dev.appoptics.emulator.internal.resources.alerts;

import dev.appoptics.emulator.internal.http.ApiRequest;
import dev.appoptics.emulator.internal.resources.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The service id of an attach request: {@code {"service": id}} as JSON, {@code service=id} as a form or query. */
final class ServiceParam {
  private ServiceParam() {}

  static Optional<Long> of(ApiRequest request) {
    String type = request.header("content-type").orElse("");
    if (request.hasBody() && !type.startsWith("application/x-www-form-urlencoded")) {
      return Json.id(Json.body(request).get("service"));
    }
    String form = new String(request.body(), StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      if (pair.startsWith("service=")) {
        return Json.id(pair.substring("service=".length()));
      }
    }
    return request.query("service").flatMap(Json::id);
  }
}
