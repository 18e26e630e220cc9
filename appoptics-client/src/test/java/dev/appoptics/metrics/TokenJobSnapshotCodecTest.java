package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Answers in the shapes the reference documents, including the ones the emulator never gives. */
class TokenJobSnapshotCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aLegacyTokenHasNoNameAndItsIdIsTheEndOfItsHref() throws Exception {
    ApiToken token = ApiTokenCodec.token(json("{\"name\":null,\"token\":\"9b59\",\"active\":true,\"role\":\"admin\","
        + "\"href\":\"http://metrics-api.librato.com/v1/api_tokens/2\",\"created_at\":\"2013-01-22 18:08:15 UTC\","
        + "\"updated_at\":\"2013-01-22 18:08:15 UTC\"}"));

    assertThat(token.id()).hasValue(2);
    assertThat(token.name()).isEmpty();
    assertThat(token.role()).isEqualTo(TokenRole.ADMIN);
    assertThat(token.createdAt()).contains(Instant.parse("2013-01-22T18:08:15Z"));
    assertThat(ApiTokenCodec.toJson(token.toBuilder().active(false).build()).toString())
        .isEqualTo("{\"role\":\"admin\",\"active\":false}");
  }

  @Test
  void anUnknownRoleIsAnAnswerThisClientCannotRead() {
    assertThatThrownBy(() -> ApiTokenCodec.token(json("{\"name\":\"t\",\"role\":\"owner\",\"href\":\"h/1\"}")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("unknown token role 'owner'");
  }

  @Test
  void jobsInEveryDocumentedState() throws Exception {
    Job queued = SnapshotCodec.job(json("{\"id\":123456,\"state\":\"queued\"}"));
    Job working = SnapshotCodec.job(json("{\"id\":123456,\"state\":\"working\",\"progress\":31.56}"));
    Job failed = SnapshotCodec.job(json("{\"id\":123456,\"state\":\"failed\",\"errors\":{\"name\":[\"is invalid\"]}}"));
    Job cancelled = SnapshotCodec.job(json("{\"id\":7,\"state\":\"cancelled\"}"));

    assertThat(queued.progress()).isEmpty();
    assertThat(queued.state().isFinished()).isFalse();
    assertThat(working.progress()).hasValue(31.56);
    assertThat(failed.errors()).containsExactly("name: is invalid");
    assertThat(failed.state().isFinished()).isTrue();
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELED);
  }

  @Test
  void aRenderedSnapshotAsTheReferenceShowsIt() throws Exception {
    Snapshot snapshot = SnapshotCodec.snapshot(json("{\"href\":\"https://api.appoptics.com/v1/snapshots/1\","
        + "\"job_href\":\"https://api.appoptics.com/v1/jobs/123456\","
        + "\"image_href\":\"http://snapshots.appoptics.com/chart/tuqlgn1i-71569.png\",\"duration\":3600,"
        + "\"end_time\":\"2016-02-20T01:18:46Z\",\"created_at\":\"2016-02-20T01:18:46Z\","
        + "\"updated_at\":\"2016-02-20T01:18:46Z\",\"subject\":{\"chart\":{\"id\":1,\"sources\":[\"*\"],"
        + "\"type\":\"stacked\"}}}"));

    assertThat(snapshot.id()).hasValue(1);
    assertThat(snapshot.jobId()).hasValue(123456);
    assertThat(snapshot.imageHref()).contains("http://snapshots.appoptics.com/chart/tuqlgn1i-71569.png");
    assertThat(snapshot.chartId()).isEqualTo(1);
    assertThat(snapshot.chartType()).contains(ChartType.STACKED);
    assertThat(snapshot.duration()).contains(Duration.ofHours(1));
    assertThat(snapshot.endTime()).contains(Instant.parse("2016-02-20T01:18:46Z"));
  }

  @Test
  void aSnapshotRequestSendsOnlyWhatWasSetWithTheEndTimeInIso8601() {
    Snapshot minimal = Snapshot.builder(5).build();
    Snapshot full = Snapshot.builder(5).chartType(ChartType.LINE).duration(Duration.ofMinutes(10))
        .endTime(Instant.parse("2016-02-20T01:18:46.750Z")).build();

    assertThat(SnapshotCodec.toJson(minimal).toString()).isEqualTo("{\"subject\":{\"chart\":{\"id\":5}}}");
    assertThat(SnapshotCodec.toJson(full).toString()).isEqualTo("{\"subject\":{\"chart\":{\"id\":5,\"type\":\"line\"}},"
        + "\"duration\":600,\"end_time\":\"2016-02-20T01:18:46Z\"}");
  }
}
