package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone emulator's forwarding options: bad values name the option, good ones start forwarding. */
class ForwardOptionsTest {
  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> EmulatorOptions.parse("--forward-prometheus", "ftp://host/write"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--forward-prometheus").hasMessageContaining("ftp://host/write");
    assertThatThrownBy(() -> EmulatorOptions.parse("--forward-otlp", "http://h/v1/metrics", "--forward-when-full",
        "later")).hasMessageContaining("--forward-when-full must be refuse or drop-oldest, got 'later'");
    assertThatThrownBy(() -> EmulatorOptions.parse("--forward-header", "no-equals"))
        .hasMessageContaining("--forward-header must be NAME=VALUE, got 'no-equals'");
    assertThatThrownBy(() -> EmulatorOptions.parse("--forward-queue-max-bytes", "-1"))
        .hasMessageContaining("--forward-queue-max-bytes");
  }

  @Test
  void aQueueDirectoryGetsOneQueuePerDestination(@TempDir Path dir) {
    try (AppOpticsEmulator e = EmulatorMain.start(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), "--port", "0", "--forward-prometheus", "http://127.0.0.1:9/api/v1/write",
        "--forward-otlp", "http://127.0.0.1:9/v1/metrics", "--forward-queue-dir", dir.toString(),
        "--forward-when-full", "drop-oldest", "--forward-header", "X-Scope-OrgID=team")) {
      assertThat(Files.isDirectory(dir.resolve("prometheus"))).isTrue();
      assertThat(Files.isDirectory(dir.resolve("otlp"))).isTrue();
      assertThat(EmulatorOptions.usage()).contains("--forward-prometheus URL");
      assertThat(e.metricsText())
          .contains("appoptics_forward_queue_limit_bytes{destination=\"prometheus\"} 1073741824")
          .contains("appoptics_forward_lag_seconds{destination=\"otlp\"} 0");
    }
  }
}
