package dev.appoptics.emulator.internal.ops;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;

/**
 * The process and JVM basics for {@code GET /metrics}, named as Prometheus's own client libraries name them
 * ({@code process_*}, {@code jvm_*}) so that existing dashboards find them: CPU time, start time, open file
 * descriptors, heap and non-heap memory, threads, garbage collections.
 */
public final class JvmFigures implements MetricsSource {
  @Override
  public void writeTo(PrometheusText out) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      out.single("process_cpu_seconds_total", "counter", "CPU time the process used, user and system.",
          sun.getProcessCpuTime() / 1e9);
    }
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      out.single("process_open_fds", "gauge", "Open file descriptors.", unix.getOpenFileDescriptorCount());
      out.single("process_max_fds", "gauge", "The most file descriptors the process may open.",
          unix.getMaxFileDescriptorCount());
    }
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    out.single("process_start_time_seconds", "gauge", "When the process started, in seconds since the epoch.",
        runtime.getStartTime() / 1e3);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    MemoryUsage heap = memory.getHeapMemoryUsage();
    MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
    memory(out, "jvm_memory_bytes_used", "Memory in use, by area.", heap.getUsed(), nonHeap.getUsed());
    memory(out, "jvm_memory_bytes_committed", "Memory committed by the JVM, by area.", heap.getCommitted(),
        nonHeap.getCommitted());
    memory(out, "jvm_memory_bytes_max", "The most memory the JVM may use, by area (-1 when unbounded).",
        heap.getMax(), nonHeap.getMax());
    out.single("jvm_threads_current", "gauge", "Live threads.", ManagementFactory.getThreadMXBean().getThreadCount());
    String gc = "jvm_gc_collection_seconds";
    out.family(gc, "summary", "Time spent in garbage collections, by collector.");
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      out.sample(gc + "_count", Math.max(0, collector.getCollectionCount()), "gc", collector.getName());
      out.sample(gc + "_sum", Math.max(0, collector.getCollectionTime()) / 1e3, "gc", collector.getName());
    }
  }

  private static void memory(PrometheusText out, String name, String help, long heap, long nonHeap) {
    out.family(name, "gauge", help).sample(name, heap, "area", "heap").sample(name, nonHeap, "area", "nonheap");
  }
}
