package dev.appoptics.emulator.internal.resources;

import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertNotFound;
import static dev.appoptics.emulator.internal.resources.ErrorAssertions.assertParamsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotsApiTest extends ApiTestBase {

  private long chart() {
    long space = api.post("/v1/spaces", Map.of("name", "s")).id();
    return api.post("/v1/spaces/" + space + "/charts", Map.of("name", "c", "type", "stacked")).id();
  }

  @Test
  void createAnswers202WithLocationAndACompletedJob() {
    long chart = chart();

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

    String jobPath = URI.create(snapshot.path("job_href").asText()).getPath();
    JsonNode job = api.get(jobPath).json();
    assertThat(job.path("state").asText()).isEqualTo("complete");
    assertThat(job.path("progress").asDouble()).isEqualTo(100.0);
  }

  @Test
  void createValidates() {
    assertParamsError(api.post("/v1/snapshots", "{}"), "subject");
    assertParamsError(api.post("/v1/snapshots", "{\"subject\":{\"chart\":{\"id\":42}}}"), "subject");
    long chart = chart();
    assertParamsError(
        api.post("/v1/snapshots", "{\"subject\":{\"chart\":{\"id\":" + chart + "}},\"duration\":-5}"), "duration");
  }

  @Test
  void unknownIdsAre404() {
    assertNotFound(api.get("/v1/snapshots/3"));
    assertNotFound(api.get("/v1/jobs/3"));
    assertNotFound(api.get("/v1/jobs/x"));
  }
}
