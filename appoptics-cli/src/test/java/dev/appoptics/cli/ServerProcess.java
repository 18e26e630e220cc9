package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code appoptics server …} in a JVM of its own, started with this JVM's class path, so that a test can send it
 * signals (SIGTERM, SIGKILL, SIGHUP) as an operator or a supervisor would. Its standard output is collected line by
 * line; standard error goes to a file.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+/v1/)");

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final Path err;
  private final URI baseUri;

  private ServerProcess(Process process, Path err) {
    this.process = process;
    this.err = err;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (out) {
            out.add(line);
            out.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "server-process-stdout");
    reader.setDaemon(true);
    reader.start();
    this.baseUri = URI.create(awaitLine(LISTENING, 60).group(1));
  }

  /**
   * Starts {@code appoptics server --data-dir DATA} with {@code args} and waits until it announces its address.
   */
  static ServerProcess start(Path data, String... args) {
    return startWithin(List.of(), data, args);
  }

  /**
   * Starts {@code appoptics server --data-dir DATA ARGS} as the last arguments of {@code wrapper} (a command that runs
   * the rest of its arguments, such as {@code unshare … sh -c '… exec "$@"'}), and waits until it announces its
   * address.
   */
  static ServerProcess startWithin(List<String> wrapper, Path data, String... args) {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "server", "--data-dir", data.toString()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("appoptics-server-err", ".txt");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      return new ServerProcess(p, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUri() {
    return baseUri;
  }

  /** The server's root, {@code http://HOST:PORT/}, for the public routes. */
  URI root() {
    return baseUri.resolve("/");
  }

  long pid() {
    return process.pid();
  }

  /** Waits (up to {@code seconds}) for a line of standard output matching {@code pattern} anywhere in it. */
  Matcher awaitLine(Pattern pattern, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (out) {
      int seen = 0;
      while (true) {
        for (; seen < out.size(); seen++) {
          Matcher m = pattern.matcher(out.get(seen));
          if (m.find()) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && seen == out.size()) {
          throw new AssertionError("no line matching " + pattern + " within " + seconds + " s; " + this);
        }
        try {
          out.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /** Sends SIGTERM and returns the exit code (within 60 s). */
  int terminate() {
    process.destroy();
    return exitCode();
  }

  /** Sends SIGKILL (kill -9) and waits for the process to be gone. */
  void kill() {
    process.destroyForcibly();
    exitCode();
  }

  /** Sends SIGHUP. */
  void hangUp() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
    assertThat(kill.waitFor()).isZero();
  }

  int exitCode() {
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited; " + this).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return process.exitValue();
  }

  List<String> out() {
    return List.copyOf(out);
  }

  String err() {
    try {
      return Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read standard error: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroyForcibly();
      exitCode();
    }
    Files.deleteIfExists(err);
  }

  @Override
  public String toString() {
    return "server process " + process.pid() + (process.isAlive() ? " (running)" : " (exit " + process.exitValue()
        + ")") + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + err();
  }
}
