package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Checks a scrape with Prometheus's own {@code promtool check metrics} (Debian package {@code prometheus}). */
final class Promtool {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private Promtool() {}

  /** Fails unless promtool parses {@code text} as the Prometheus text format and finds nothing to lint. */
  static void checkMetrics(String text) throws IOException, InterruptedException {
    assertThat(Files.isExecutable(PROMTOOL))
        .as(PROMTOOL + " is missing: install the Debian package prometheus (apt-get install -y prometheus)")
        .isTrue();
    Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool check metrics:\n" + report + "\n--- scrape\n" + text).isZero();
  }
}
