package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotsApiTest extends ApiTestBase {

  private static long chart(Api api) {
    long space = api.post("/v1/spaces", Map.of("name", "s")).id();
    return api.post("/v1/spaces/" + space + "/charts", Map.of("name", "c", "type", "stacked")).id();
  }

  private static JsonNode job(Api api, JsonNode snapshot) {
    return api.get(URI.create(snapshot.path("job_href").asText()).getPath()).json();
  }

  @Test
  void createAnswers202WithLocationAndACompletedJob() {
    long chart = chart(api);

    Reply reply =
        api.post("/v1/snapshots", "{\"subject\":{\"chart\":{\"id\":" + chart + "}},\"end_time\":1700000000}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.header("Location")).contains("/v1/snapshots/1");
    JsonNode snapshot = reply.json();
    assertThat(snapshot.path("duration").asLong()).isEqualTo(3600);
    assertThat(snapshot.path("end_time").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(snapshot.path("image_href").isNull()).isTrue();
    assertThat(snapshot.path("subject").path("chart").path("type").asText()).isEqualTo("stacked");
    assertThat(api.get("/v1/snapshots/1").json()).isEqualTo(snapshot);

    JsonNode job = job(api, snapshot);
    assertThat(job.path("state").asText()).isEqualTo("complete");
    assertThat(job.path("progress").asDouble()).isEqualTo(100.0);
  }

  @Test
  void endTimeMayBeIsoTextAsTheGoClientSendsIt() {
    long chart = chart(api);

    Reply reply = api.post("/v1/snapshots", "{\"subject\":{\"chart\":{\"id\":" + chart + ",\"sources\":[\"*\"]}},"
        + "\"end_time\":\"2016-02-20T01:18:46Z\",\"duration\":600}");

    assertThat(reply.status()).as("%s", reply).isEqualTo(202);
    assertThat(reply.json().path("end_time").asText()).isEqualTo("2016-02-20T01:18:46Z");
    assertThat(reply.json().path("duration").asLong()).isEqualTo(600);
    assertThat(reply.json().at("/subject/chart/sources/0").asText()).isEqualTo("*");
  }

  @Test
  void createValidates() {
    assertParamsError(api.post("/v1/snapshots", "{}"), "subject");
    assertParamsError(api.post("/v1/snapshots", "{\"subject\":{\"chart\":{\"id\":42}}}"), "subject");
    String subject = "{\"subject\":{\"chart\":{\"id\":" + chart(api) + "}},";
    assertParamsError(api.post("/v1/snapshots", subject + "\"duration\":-5}"), "duration");
    assertParamsError(api.post("/v1/snapshots", subject + "\"duration\":2419201}"), "duration");
    assertThat(api.post("/v1/snapshots", subject + "\"duration\":2419200}").status()).isEqualTo(202);
    assertParamsError(api.post("/v1/snapshots", subject + "\"end_time\":\"yesterday\"}"), "end_time");
    assertParamsError(api.post("/v1/snapshots", subject + "\"end_time\":true}"), "end_time");
  }

  @Test
  void jobsRunForTheConfiguredDurationThenComplete() {
    ManualClock clock = ManualClock.atEpochSecond(1_700_000_000);
    try (AppOpticsEmulator slow =
        AppOpticsEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).start()) {
      Api slowApi = new HttpApi(() -> slow);
      JsonNode snapshot =
          slowApi.post("/v1/snapshots", Map.of("subject", Map.of("chart", Map.of("id", chart(slowApi))))).json();

      assertThat(job(slowApi, snapshot).toString()).isEqualTo("{\"id\":1,\"state\":\"queued\"}");
      clock.advance(Duration.ofMillis(2_500));
      assertThat(job(slowApi, snapshot).toString()).isEqualTo("{\"id\":1,\"state\":\"working\",\"progress\":25.0}");
      clock.advance(Duration.ofMillis(7_500));
      assertThat(job(slowApi, snapshot).path("state").asText()).isEqualTo("complete");
    }
  }

  @Test
  void aJobFailsWhenItsChartIsDeletedBeforeItEnds() {
    ManualClock clock = ManualClock.atEpochSecond(1_700_000_000);
    try (AppOpticsEmulator slow =
        AppOpticsEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).start()) {
      Api slowApi = new HttpApi(() -> slow);
      long space = slowApi.post("/v1/spaces", Map.of("name", "s")).id();
      long chart = slowApi.post("/v1/spaces/" + space + "/charts", Map.of("name", "c")).id();
      JsonNode snapshot = slowApi.post("/v1/snapshots", Map.of("subject", Map.of("chart", Map.of("id", chart)))).json();
      slowApi.delete("/v1/spaces/" + space + "/charts/" + chart);
      clock.advance(Duration.ofSeconds(10));

      JsonNode job = job(slowApi, snapshot);

      assertThat(job.path("state").asText()).isEqualTo("failed");
      assertThat(job.at("/errors/subject/0").asText()).contains("chart " + chart);
      assertThat(job.has("progress")).isFalse();
      assertThat(job(slowApi, snapshot)).isEqualTo(job);
    }
  }

  @Test
  void unknownIdsAre404() {
    assertNotFound(api.get("/v1/snapshots/3"));
    assertNotFound(api.get("/v1/jobs/3"));
    assertNotFound(api.get("/v1/jobs/x"));
  }
}
