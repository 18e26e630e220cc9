package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and sync settings: their parsing and checks, queries past a resolution's retention served from a
 * coarser roll-up, and the clear error when a data directory is asked for without the server module.
 */
class RetentionSettingsTest {
  private static final long NOW = 1_800_000_000L;

  @Test
  void aQueryPastRawRetentionIsAnsweredAtOneMinute() {
    long t = NOW - Duration.ofDays(3).getSeconds();
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder()
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
        .pastLimit(Duration.ofDays(5))
        .retention(Retention.service())
        .start()) {
      TestHttp http = new TestHttp(emulator.baseUri(), "t");
      StringBuilder body = new StringBuilder("{\"tags\":{\"host\":\"a\"},\"measurements\":[");
      for (int i = 0; i < 120; i++) {
        body.append(i == 0 ? "" : ",").append("{\"name\":\"old\",\"value\":").append(i).append(",\"time\":")
            .append(t + i).append('}');
      }
      TestHttp.Answer posted = http.post("measurements", body.append("]}").toString());
      assertThat(posted.status()).as(posted.toString()).isEqualTo(202);

      JsonNode old = http.get("measurements/old?resolution=1&summary_function=count&start_time=" + t).json();
      assertThat(old.get("resolution").asLong()).isEqualTo(60);
      assertThat(old.at("/series/0/measurements")).hasSizeBetween(2, 3);
      JsonNode recent = http.get("measurements/old?resolution=1&start_time=" + (NOW - 60)).json();
      assertThat(recent.get("resolution").asLong()).isEqualTo(1);
    }
  }

  @Test
  void retentionParsesAndRefusesWhatCannotBe() {
    assertThat(Retention.parse("raw=7d,1h=forever"))
        .isEqualTo(Retention.builder().raw(Duration.ofDays(7)).hour(Retention.FOREVER).build());
    assertThat(Retention.service().toString()).isEqualTo("raw=2d,1m=32d,15m=32d,1h=558d");
    assertThatThrownBy(() -> Retention.parse("raw=40d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1m (32d) must be at least that of raw (40d)");
    assertThatThrownBy(() -> Retention.parse("5m=1d")).hasMessageContaining("'5m'");
    assertThatThrownBy(() -> Retention.parse("raw=2 days")).hasMessageContaining("'2 days'");
    assertThatThrownBy(() -> Retention.builder().raw(Duration.ZERO)).hasMessageContaining("raw must be positive");
  }

  @Test
  void syncPolicyParses() {
    assertThat(SyncPolicy.parse("before-answer").syncsBeforeAnswer()).isTrue();
    assertThat(SyncPolicy.parse("250ms")).isEqualTo(SyncPolicy.interval(Duration.ofMillis(250)));
    assertThat(SyncPolicy.defaults().toString()).isEqualTo("1s");
    assertThatThrownBy(() -> SyncPolicy.parse("often")).hasMessageContaining("'often'");
    assertThatThrownBy(() -> SyncPolicy.interval(Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void aDataDirectoryWithoutTheServerModuleNamesTheArtifact(@TempDir Path dir) {
    assertThatThrownBy(() -> AppOpticsEmulator.builder().dataDirectory(dir).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev.appoptics:appoptics-server")
        .hasMessageContaining(dir.toString());
  }
}
