package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.cli.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the command line in-process with captured output, as a test sees it. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return withInput("", Map.of(), args);
  }

  /** Runs {@code args} against {@code endpoint} with {@code token} (appended as options), reading {@code stdin}. */
  static CliRun against(URI endpoint, String token, String stdin, String... args) {
    String[] all = Stream.concat(Arrays.stream(args), Stream.of("--endpoint", endpoint.toString(), "--token", token))
        .toArray(String[]::new);
    return withInput(stdin, Map.of(), all);
  }

  static CliRun withInput(String stdin, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            env);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output read as JSON, once the run is checked to have succeeded. */
  JsonNode json() throws JsonProcessingException {
    assertThat(exitCode).as(toString()).isZero();
    return Json.parse(out);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
