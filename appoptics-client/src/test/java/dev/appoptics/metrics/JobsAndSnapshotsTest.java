package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.AppOpticsEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Snapshots of charts and the background jobs that render them, against an emulator whose jobs take a second. */
class JobsAndSnapshotsTest {
  private static final Duration JOB = Duration.ofSeconds(1);

  @RegisterExtension static final ConnectedEmulator EMULATOR = ConnectedEmulator.create(b -> b.jobDuration(JOB));

  private final AppOptics api = EMULATOR.connect();

  private Chart chart(ChartType type) {
    Space space = api.createSpace("snapshots");
    return api.createChart(space, Chart.builder("CPU").type(type).build());
  }

  @Test
  void aSnapshotIsCreatedForAChartAndItsJobIsWaitedFor() {
    Chart chart = chart(ChartType.STACKED);
    Instant end = Instant.parse("2026-01-02T03:04:05Z");

    Snapshot created = api.createSnapshot(Snapshot.builder(chart).duration(Duration.ofHours(6)).endTime(end).build());
    Job running = api.getJob(created.jobId().getAsLong());
    Job done = api.waitForJob(created.jobId().getAsLong(), Duration.ofSeconds(30));

    assertThat(created.id()).isPresent();
    assertThat(created.chartId()).isEqualTo(chart.id().getAsLong());
    assertThat(created.chartType()).contains(ChartType.STACKED);
    assertThat(created.duration()).contains(Duration.ofHours(6));
    assertThat(created.endTime()).contains(end);
    assertThat(created.createdAt()).isPresent();
    assertThat(created.imageHref()).isEmpty();
    assertThat(running.state()).isIn(JobState.QUEUED, JobState.WORKING);
    assertThat(done.state()).isEqualTo(JobState.COMPLETE);
    assertThat(done.progress()).hasValue(100.0);
    assertThat(api.getSnapshot(created.id().getAsLong())).isEqualTo(created);
  }

  @Test
  void theServiceFillsInWhatTheRequestLeavesOut() {
    Chart chart = chart(ChartType.BIGNUMBER);

    Snapshot created = api.createSnapshot(Snapshot.builder(chart.id().getAsLong()).build());

    assertThat(created.chartType()).contains(ChartType.BIGNUMBER);
    assertThat(created.duration()).contains(Duration.ofHours(1));
    assertThat(created.endTime()).hasValueSatisfying(
        t -> assertThat(t).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1)));
  }

  @Test
  void aJobThatFailsThrowsWithItsErrors() {
    Space space = api.createSpace("doomed");
    Chart chart = api.createChart(space, Chart.builder("gone soon").build());
    Snapshot created = api.createSnapshot(Snapshot.builder(chart).build());
    api.deleteChart(space, chart.id().getAsLong());

    assertThatThrownBy(() -> api.waitForJob(created.jobId().getAsLong(), Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.job().state()).isEqualTo(JobState.FAILED);
          assertThat(e.job().errors()).singleElement().asString().startsWith("subject: chart ");
          assertThat(e.getMessage()).contains("job " + created.jobId().getAsLong() + " failed");
        });
  }

  @Test
  void waitingEndsWithATimeoutWhileTheJobStillRuns() {
    try (AppOpticsEmulator slow = AppOpticsEmulator.builder().jobDuration(Duration.ofHours(1)).start();
        AppOptics slowApi = AppOptics.builder().token("t").baseUri(slow.baseUri()).build()) {
      Space space = slowApi.createSpace("slow");
      Chart chart = slowApi.createChart(space, Chart.builder("c").build());
      long job = slowApi.createSnapshot(Snapshot.builder(chart).build()).jobId().getAsLong();

      assertThatThrownBy(() -> slowApi.waitForJob(job, Duration.ofMillis(250)))
          .isInstanceOfSatisfying(JobTimeoutException.class, e -> {
            assertThat(e.job().state()).isEqualTo(JobState.QUEUED);
            assertThat(e.getMessage()).contains("job " + job + " still queued after waiting");
          });
    }
  }

  @Test
  void unknownIdsAreNotFoundAndBadValuesAreRefusedBeforeSending() {
    assertThatThrownBy(() -> api.getJob(999)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.getSnapshot(999)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.createSnapshot(Snapshot.builder(999).build())).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> Snapshot.builder(Chart.builder("unsaved").build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("chart.id"));
    assertThatThrownBy(() -> Snapshot.builder(1).duration(Duration.ofDays(29)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duration"));
    assertThatThrownBy(() -> api.waitForJob(1, Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
  }
}
