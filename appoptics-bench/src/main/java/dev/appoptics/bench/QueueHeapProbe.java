package dev.appoptics.bench;

import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Queue;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Retained heap per queued measurement: heap in use after a full GC with {@code --n} measurements queued, minus the
 * same before, divided by n. The tag maps are shared between adds (16 hosts), as an application's usually are.
 *
 * <p>{@code java -Xmx2g -cp appoptics-bench/target/benchmarks.jar dev.appoptics.bench.QueueHeapProbe [--n 1000000]}
 */
public final class QueueHeapProbe {
  private QueueHeapProbe() {}

  public static void main(String[] argv) throws Exception {
    int n = (int) new Args(argv).number("n", 1_000_000);
    @SuppressWarnings("unchecked")
    Map<String, String>[] tags = new Map[Workload.HOSTS];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = Workload.tags(i);
    }
    String[] names = new String[Workload.NAMES];
    for (int i = 0; i < names.length; i++) {
      names[i] = Workload.name(i);
    }
    try (AppOptics api = AppOptics.builder().token(Workload.TOKEN).baseUri("http://127.0.0.1:9/v1/").build()) {
      Queue warm = api.newQueue();
      for (int i = 0; i < 100_000; i++) {
        warm.add(names[i % names.length], Workload.value(i), tags[i % tags.length]);
      }
      warm = null;
      long before = usedAfterGc();
      Queue q = api.newQueue();
      for (int i = 0; i < n; i++) {
        q.add(names[i % names.length], Workload.value(i), tags[i % tags.length]);
      }
      long after = usedAfterGc();
      System.out.printf("queued %,d measurements: %,d bytes retained = %.1f bytes per queued measurement%n",
          q.size(), after - before, (after - before) / (double) q.size());
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
