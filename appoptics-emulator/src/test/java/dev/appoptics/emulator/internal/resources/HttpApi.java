package dev.appoptics.emulator.internal.resources;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The API over a real socket: {@code java.net.http} against a running {@link AppOpticsEmulator}. */
final class HttpApi implements Api {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String AUTHORIZATION =
      "Basic " + Base64.getEncoder().encodeToString("test-token:".getBytes(StandardCharsets.UTF_8));

  private final Supplier<AppOpticsEmulator> emulator;

  HttpApi(Supplier<AppOpticsEmulator> emulator) {
    this.emulator = emulator;
  }

  @Override
  public void reset() {
    emulator.get().clear();
  }

  @Override
  public Reply call(String method, String pathAndQuery, String contentType, String body) {
    URI uri = emulator.get().baseUri().resolve(pathAndQuery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", AUTHORIZATION)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new HashMap<>();
      r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      return new Reply(r.statusCode(), headers, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
