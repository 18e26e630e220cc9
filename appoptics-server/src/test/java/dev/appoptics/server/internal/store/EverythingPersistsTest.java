package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every API area of a durable emulator survives a restart: what a set of reads answers before it stops is what they
 * answer after it starts again on the same directory, after a clean close and after a crash (the directory copied
 * as it is while the emulator runs, which is what a killed process leaves).
 */
class EverythingPersistsTest {
  @TempDir Path dir;

  @Test
  void aCleanRestartAnswersEveryReadAsBefore() {
    Map<String, JsonNode> before;
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      before = EveryArea.reads(new Http(emulator.baseUri()), EveryArea.create(new Http(emulator.baseUri())));
    }
    assertThat(before.values()).allSatisfy(answer -> assertThat(answer.isEmpty()).isFalse());
    assertThat(before.get(EveryArea.CPU_RAW).get("series")).hasSize(3);
    assertThat(before.get(EveryArea.CPU_RAW).at("/series/2/measurements")).hasSize(5);
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      Map<String, JsonNode> after = EveryArea.reads(new Http(emulator.baseUri()), EveryArea.paths(before));
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void aCrashLosesNothingAnswered() throws IOException {
    Map<String, JsonNode> before;
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      before = EveryArea.reads(new Http(emulator.baseUri()), EveryArea.create(new Http(emulator.baseUri())));
      EveryArea.copy(dir.resolve("data"), dir.resolve("crashed"));
    }
    try (AppOpticsEmulator emulator = start(dir.resolve("crashed"))) {
      assertThat(EveryArea.reads(new Http(emulator.baseUri()), EveryArea.paths(before))).isEqualTo(before);
    }
  }

  @Test
  void deletionsAndIdsPersistToo() {
    long deletedSpace;
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      Http http = new Http(emulator.baseUri());
      http.post("measurements", EveryArea.measurements("gone.metric", 1));
      http.delete("metrics/gone.metric");
      deletedSpace = http.post("spaces", "{\"name\":\"temporary\"}").get("id").asLong();
      http.delete("spaces/" + deletedSpace);
    }
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      Http http = new Http(emulator.baseUri());
      assertThat(http.get("metrics").get("metrics")).isEmpty();
      assertThat(http.get("spaces").get("spaces")).isEmpty();
      assertThat(http.post("spaces", "{\"name\":\"next\"}").get("id").asLong()).isGreaterThan(deletedSpace);
      assertThat(emulator.stats().series()).isZero();
    }
  }

  private static AppOpticsEmulator start(Path data) {
    return AppOpticsEmulator.builder().dataDirectory(data).start();
  }
}
