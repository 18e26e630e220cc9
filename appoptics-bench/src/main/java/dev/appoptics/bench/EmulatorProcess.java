package dev.appoptics.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator ({@code dev.appoptics.emulator.EmulatorMain}, or another main class that prints the same line, such as
 * {@link BenchServer}) in a separate JVM, started with this JVM's class path so that its CPU and heap are not counted
 * as the client's. Its port is read from the {@code listening on …} line.
 */
final class EmulatorProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on\\s+(?:https?://)?([^:/\\s]+):(\\d+)");

  private final Process process;
  private final String host;
  private final int port;

  private EmulatorProcess(Process process, String host, int port) {
    this.process = process;
    this.host = host;
    this.port = port;
  }

  /** Starts the emulator on {@code port} (0 = ephemeral) with extra JVM and program arguments. */
  static EmulatorProcess start(int port, List<String> jvmArgs, List<String> args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
    all.addAll(args);
    return start("dev.appoptics.emulator.EmulatorMain", jvmArgs, all);
  }

  /** Starts {@code mainClass} with extra JVM and program arguments; returns once it says where it listens. */
  static EmulatorProcess start(String mainClass, List<String> jvmArgs, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> drain(out), "emulator-output");
        drain.setDaemon(true);
        drain.start();
        return new EmulatorProcess(p, m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    p.destroyForcibly();
    throw new IOException("the emulator exited before it said 'listening on'; its output:\n" + seen);
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // keep the pipe from filling up
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** The base URI of the API, e.g. {@code http://127.0.0.1:41234/v1/}. */
  String baseUri() {
    return "http://" + host + ":" + port + "/v1/";
  }

  /** CPU time the emulator's process has used so far (all its threads: handlers, JIT compiler, GC). */
  java.time.Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElseThrow(
        () -> new IllegalStateException("this platform does not report a process's CPU time"));
  }

  /** CPU time per thread group so far (see {@link ThreadCpu}). */
  java.util.Map<String, Long> threadCpu() {
    return ThreadCpu.of(process.pid());
  }

  /** The heap the process uses right after a full collection (what it retains), through {@code jcmd}. */
  long heapAfterGc() throws IOException, InterruptedException {
    String jcmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
    String pid = Long.toString(process.pid());
    new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor();
    Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
    String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    info.waitFor();
    Matcher m = Pattern.compile("used (\\d+)K").matcher(text);
    if (!m.find()) {
      throw new IOException("jcmd GC.heap_info said no heap use: " + text);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  /** Kills the process at once ({@code kill -9}): nothing it holds in memory is saved. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
