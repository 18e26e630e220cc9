package dev.appoptics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of another process's threads, grouped by thread name without its trailing number ("C2 CompilerThread",
 * "GC Thread#", the emulator's request threads …), read from {@code /proc} (Linux; elsewhere empty). The kernel
 * keeps it in clock ticks of 10 ms, and forgets threads that ended, so compare groups over runs of seconds.
 */
final class ThreadCpu {
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ThreadCpu() {}

  /** Nanoseconds of CPU so far per thread group of process {@code pid}. */
  static Map<String, Long> of(long pid) {
    Map<String, Long> out = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) threads::iterator) {
        try {
          String name = Files.readString(t.resolve("comm")).strip().replaceAll("[-#]?\\d+$", "");
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK, Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** What each group used from {@code before} to {@code after}, in µs per {@code units}, largest first, as text. */
  static String perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() / 1e3 / units))
        .collect(Collectors.joining(", "));
  }
}
