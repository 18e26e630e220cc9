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

/** Series and point limits, and many writers at once. */
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
