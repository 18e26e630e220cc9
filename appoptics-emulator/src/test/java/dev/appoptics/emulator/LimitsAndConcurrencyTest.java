package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.internal.store.Point;
import dev.appoptics.emulator.internal.store.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Series, metric and point limits, and many writers at once. */
class LimitsAndConcurrencyTest {

  private static String series(String name, String host, long time) {
    return "{\"name\":\"" + name + "\",\"value\":1,\"time\":" + time + ",\"tags\":{\"host\":\"" + host + "\"}}";
  }

  @Test
  void seriesLimitRefusesTheWholePayloadWith403() {
    try (AppOpticsEmulator e = AppOpticsEmulator.builder().maxSeries(2).start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      long now = System.currentTimeMillis() / 1000;

      TestHttp.Answer refused =
          http.post(
              "measurements",
              "{\"measurements\":[" + series("m", "a", now) + "," + series("m", "b", now) + ","
                  + series("m", "c", now) + "]}");

      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().get("error").asText()).contains("Series limit").contains("2");
      assertThat(e.stats().series()).isZero();
      assertThat(e.stats().metrics()).isZero();
      assertThat(
              http.post("measurements", "{\"measurements\":[" + series("m", "a", now) + "," + series("m", "b", now)
                  + "]}").status())
          .isEqualTo(202);
      assertThat(http.post("measurements", "{\"measurements\":[" + series("m", "a", now) + "]}").status())
          .isEqualTo(202);
      assertThat(http.post("measurements", "{\"measurements\":[" + series("n", "a", now) + "]}").status())
          .isEqualTo(403);
    }
  }

  @Test
  void metricLimitRefusesCreationByPutAndByMeasurementsWith403() {
    try (AppOpticsEmulator e = EmulatorOptions.parse("--port", "0", "--max-metrics", "3")
        .applyTo(AppOpticsEmulator.builder()).start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      long now = System.currentTimeMillis() / 1000;
      assertThat(http.put("metrics/one", "{}").status()).isEqualTo(201);
      assertThat(http.put("metrics/two", "{}").status()).isEqualTo(201);

      TestHttp.Answer twoNew = http.post("measurements", "{\"measurements\":[" + series("two", "a", now) + ","
          + series("three", "a", now) + "," + series("four", "a", now) + "]}");
      TestHttp.Answer third = http.put("metrics/Three", "{}");
      TestHttp.Answer fourth =
          http.put("metrics/four", "{\"type\":\"composite\",\"composite\":\"s(\\\"x\\\", \\\"*\\\")\"}");
      TestHttp.Answer byMeasurement =
          http.post("measurements", "{\"measurements\":[" + series("five", "a", now) + "]}");

      assertThat(twoNew.status()).isEqualTo(403);
      assertThat(twoNew.json().get("error").asText()).isEqualTo("Metric limit reached: the emulator stores at most 3"
          + " metrics (max metrics); it holds 2 and this request would add 2");
      assertThat(twoNew.json().has("request_time")).isTrue();
      assertThat(e.stats().series()).isZero();
      assertThat(third.status()).isEqualTo(201);
      assertThat(fourth.status()).isEqualTo(403);
      assertThat(fourth.json().get("error").asText()).contains("it holds 3 and this request would add 1");
      assertThat(byMeasurement.status()).isEqualTo(403);
      assertThat(http.post("measurements", "{\"measurements\":[" + series("three", "b", now) + "]}").status())
          .isEqualTo(202);
      assertThat(http.put("metrics/one", "{\"description\":\"updates are not creations\"}").status())
          .isEqualTo(204);
      assertThat(http.delete("metrics/one").status()).isEqualTo(204);
      assertThat(http.post("measurements", "{\"measurements\":[" + series("five", "a", now) + "]}").status())
          .isEqualTo(202);
      assertThat(http.get("metrics").json().at("/query/total").asInt()).isEqualTo(3);
    }
  }

  @Test
  void pointLimitCountsNewSecondsOnly() {
    try (AppOpticsEmulator e = AppOpticsEmulator.builder().maxPoints(3).start()) {
      TestHttp http = new TestHttp(e.baseUri(), "t");
      long now = System.currentTimeMillis() / 1000;
      String three =
          "{\"measurements\":[" + series("m", "a", now - 3) + "," + series("m", "a", now - 2) + ","
              + series("m", "a", now - 1) + "]}";

      assertThat(http.post("measurements", three).status()).isEqualTo(202);
      assertThat(http.post("measurements", three).status()).isEqualTo(202);
      TestHttp.Answer refused = http.post("measurements", "{\"measurements\":[" + series("m", "a", now) + "]}");

      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().get("error").asText()).contains("Point limit");
      assertThat(e.stats().points()).isEqualTo(3);
      assertThat(e.stats().measurementsAccepted()).isEqualTo(6);
    }
  }

  @Test
  void concurrentWritersEndWithAnExactTotal() throws Exception {
    int threads = 4;
    int posts = 50;
    int perPost = 100;
    try (AppOpticsEmulator e = AppOpticsEmulator.start()) {
      long now = System.currentTimeMillis() / 1000;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  TestHttp http = new TestHttp(e.baseUri(), "t" + thread);
                  for (int p = 0; p < posts; p++) {
                    StringBuilder body = new StringBuilder("{\"measurements\":[");
                    for (int i = 0; i < perPost; i++) {
                      body.append(i == 0 ? "" : ",")
                          .append(series("load", "h" + (i % 10), now - (p % 30)));
                    }
                    TestHttp.Answer a = http.post("measurements", body + "]}");
                    assertThat(a.status()).isEqualTo(202);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      assertThat(e.stats().measurementsAccepted()).isEqualTo((long) threads * posts * perPost);
      JsonNode body =
          new TestHttp(e.baseUri(), "t")
              .get("measurements/load?resolution=3600&duration=7200&summary_function=count"
                  + "&group_by=*&group_by_function=sum&reduce=sum")
              .json();
      assertThat(body.at("/series/0/measurements/0/value").asDouble()).isEqualTo(threads * posts * perPost);
      assertThat(e.stats().series()).isEqualTo(10);
    }
  }
}
