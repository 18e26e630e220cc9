package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.appoptics.AppOpticsConfig;
import io.micrometer.appoptics.AppOpticsMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.ipc.http.HttpSender;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Micrometer's own AppOptics registry, unchanged, publishing to the emulator: the emulator must accept its real
 * payload shape (top-level time, period and host tag; {@code _type} tags; count/sum/max summaries) and answer with
 * the {@code "failed":0} the registry looks for.
 */
class MicrometerRegistryCompatibilityTest {
  static final String TOKEN = "micrometer-token";

  static AppOpticsEmulator emulator;
  static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  static TestHttp http;

  /** One request the registry sent and the answer it got. */
  record Exchange(String body, int status, String answer) {}

  @BeforeAll
  static void publishOnce() {
    emulator = AppOpticsEmulator.builder().tokens(TOKEN).start();
    http = new TestHttp(emulator.baseUri(), TOKEN);
    HttpSender real = new HttpUrlConnectionSender(Duration.ofSeconds(5), Duration.ofSeconds(10));
    HttpSender recording = request -> {
      HttpSender.Response response = real.send(request);
      exchanges.add(new Exchange(
          new String(request.getEntity(), java.nio.charset.StandardCharsets.UTF_8), response.code(), response.body()));
      return response;
    };
    AppOpticsConfig config = new AppOpticsConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String apiToken() {
        return TOKEN;
      }

      @Override
      public String uri() {
        return emulator.baseUri() + "measurements";
      }

      @Override
      public String hostTag() {
        return "host";
      }

      @Override
      public Duration step() {
        return Duration.ofSeconds(1);
      }
    };
    AppOpticsMeterRegistry registry =
        AppOpticsMeterRegistry.builder(config).clock(Clock.SYSTEM).httpClient(recording).build();
    registry.config().commonTags("host", "ci-1");

    AtomicLong queueDepth = registry.gauge("compat.queue.depth", new AtomicLong(42));
    Counter counter = registry.counter("compat.requests", "route", "home");
    Timer timer = registry.timer("compat.latency");
    DistributionSummary summary = registry.summary("compat.payload.size");
    counter.increment(3);
    timer.record(Duration.ofMillis(250));
    timer.record(Duration.ofMillis(750));
    summary.record(100);
    summary.record(300);
    summary.record(200);
    assertThat(queueDepth).hasValue(42);

    registry.close(); // publishes the last (partial) step once more before shutting down
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void everyPublishWasAcceptedWithTheAnswerTheRegistryChecks() {
    assertThat(exchanges).isNotEmpty();
    assertThat(exchanges).allSatisfy(e -> {
      assertThat(e.status()).as(e.answer()).isEqualTo(202);
      assertThat(e.answer()).contains("\"failed\":0").contains("\"errors\":[]");
    });
    long sent = exchanges.stream().mapToLong(e -> count(e.body(), "\"name\":")).sum();
    assertThat(emulator.stats().measurementsAccepted()).isEqualTo(sent).isPositive();
  }

  @Test
  void gaugeArrivesWithItsValueAndType() {
    JsonNode series = onlySeries("compat.queue.depth");
    assertThat(series.path("tags").path("_type").asText()).isEqualTo("gauge");
    // the registry renames the common tag it was told is the host tag
    assertThat(series.path("tags").path("host_hostname_alias").asText()).isEqualTo("ci-1");
    assertThat(lastPoint(series).path("value").asDouble()).isEqualTo(42.0);
  }

  @Test
  void counterArrivesWithItsStepCountAndOwnTags() {
    JsonNode series = onlySeries("compat.requests");
    assertThat(series.path("tags").path("_type").asText()).isEqualTo("counter");
    assertThat(series.path("tags").path("route").asText()).isEqualTo("home");
    assertThat(sumOfValues(series)).isEqualTo(3.0);
  }

  @Test
  void timerArrivesAsCountSumAndMaxInMilliseconds() {
    JsonNode series = onlySeries("compat.latency&summary_function=all");
    assertThat(series.path("tags").path("_type").asText()).isEqualTo("timer");
    assertThat(sumOf(series, "count")).isEqualTo(2.0);
    assertThat(sumOf(series, "sum")).isEqualTo(1000.0);
    assertThat(maxOf(series, "max")).isEqualTo(750.0);
  }

  @Test
  void distributionSummaryArrivesAsCountSumAndMax() {
    JsonNode series = onlySeries("compat.payload.size&summary_function=all");
    assertThat(series.path("tags").path("_type").asText()).isEqualTo("distributionSummary");
    assertThat(sumOf(series, "count")).isEqualTo(3.0);
    assertThat(sumOf(series, "sum")).isEqualTo(600.0);
    assertThat(maxOf(series, "max")).isEqualTo(300.0);
  }

  private static long count(String text, String needle) {
    return (text.length() - text.replace(needle, "").length()) / needle.length();
  }

  private static JsonNode onlySeries(String name) {
    String path = name.replaceFirst("&", "?resolution=1&duration=600&");
    TestHttp.Answer a = http.get("measurements/" + (path.equals(name) ? name + "?resolution=1&duration=600" : path));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    JsonNode series = a.json().path("series");
    assertThat(series).as(a.toString()).hasSize(1);
    return series.get(0);
  }

  private static JsonNode lastPoint(JsonNode series) {
    JsonNode points = series.path("measurements");
    assertThat(points).isNotEmpty();
    return points.get(points.size() - 1);
  }

  private static double sumOfValues(JsonNode series) {
    return sumOf(series, "value");
  }

  private static double sumOf(JsonNode series, String field) {
    double total = 0;
    for (JsonNode p : series.path("measurements")) {
      total += p.path(field).asDouble(0);
    }
    return total;
  }

  private static double maxOf(JsonNode series, String field) {
    double max = Double.NEGATIVE_INFINITY;
    for (JsonNode p : series.path("measurements")) {
      max = Math.max(max, p.path(field).asDouble(Double.NEGATIVE_INFINITY));
    }
    return max;
  }
}
