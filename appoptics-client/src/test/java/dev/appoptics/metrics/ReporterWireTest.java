package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.metrics.RecordingServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the reporter does with answers the emulator never gives: a 2xx that reports refused measurements. */
class ReporterWireTest {
  @RegisterExtension static final RecordingServer server = RecordingServer.start();

  @Test
  void aTwoHundredAnswerReportingRefusedMeasurementsIsAFailureNotASend() {
    server.respond(Reply.json(202, "{\"measurements\":{\"summary\":{\"total\":2,\"accepted\":1,\"failed\":1}},"
        + "\"errors\":[\"m: value is out of range\"]}"));
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    try (AppOptics api = AppOptics.builder().token("t").baseUri(server.baseUri()).build();
        Reporter reporter = Reporter.builder(api).batchSize(2).flushInterval(Duration.ofMillis(20))
            .onFailure(failures::add).build()) {
      reporter.add("m", 1, Map.of("h", "a"));
      reporter.add("m", 2, Map.of("h", "a"));
      reporter.flush();

      ReporterStats stats = reporter.stats();
      assertThat(stats.sent()).isZero();
      assertThat(stats.failed()).isEqualTo(2);
      assertThat(stats.retried()).isZero();
    }
    assertThat(failures).singleElement().isInstanceOfSatisfying(PartialFailureException.class,
        e -> assertThat(e.errors()).containsExactly("m: value is out of range"));
    assertThat(server.requests).hasSize(1);
  }
}
