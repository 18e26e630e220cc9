package dev.appoptics.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.Faults;
import dev.appoptics.emulator.RequestLogFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The front answers health checks from the moment it listens, and the API only once its modules are in. */
class FrontPhasesTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final HttpFront front = new HttpFront(new HttpFront.Config("127.0.0.1", 0, 2, new Access(Map.of(), true),
      1 << 20, 16 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30), 0, 60, Faults.none(), Clock.systemUTC(),
      null, RequestLogFormat.TEXT, false, Duration.ZERO, Duration.ZERO));

  @AfterEach
  void stop() {
    front.stop();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic dDo=").build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void whileStartingHealthIs503StartingLivenessIs200AndTheApiAsksToRetry() throws Exception {
    int port = front.start();

    HttpResponse<String> ready = get(port, "/health");
    HttpResponse<String> live = get(port, "/health/live");
    HttpResponse<String> api = get(port, "/v1/metrics");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("{\"status\":\"starting\"}");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(api.body()).contains("\"system\"").contains("starting");
  }

  @Test
  void onceServingHealthIsOkAndTheModulesAnswer() throws Exception {
    int port = front.start();
    ApiModule module = new ApiModule() {
      @Override
      public void register(Router router) {
        router.add("GET", "/v1/metrics", request -> ApiResponse.json(200, Map.of("metrics", List.of())));
      }

      @Override
      public void clear() {}
    };

    front.serve(List.of(module));

    assertThat(get(port, "/health").statusCode()).isEqualTo(200);
    assertThat(get(port, "/v1/metrics").body()).isEqualTo("{\"metrics\":[]}");
    assertThat(front.phase()).isEqualTo(HttpFront.Phase.SERVING);
  }
}
