package dev.appoptics.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM while a benchmark runs: the largest heap in use right before any GC (from GC notifications)
 * or at any 10 ms sample, and the largest heap still in use right after a GC (what the run actually retained).
 */
final class HeapWatcher implements AutoCloseable {
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final List<Runnable> unregister = new ArrayList<>();
  private final Set<String> heapPools;
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatcher() {
    heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    NotificationListener listener = this::onGc;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        unregister.add(() -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (Exception ignored) {
            // already gone
          }
        });
      }
    }
    sampler = new Thread(() -> {
      while (running) {
        record(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    record(peakUsed, heapSum(info.getGcInfo().getMemoryUsageBeforeGc()));
    record(peakAfterGc, heapSum(info.getGcInfo().getMemoryUsageAfterGc()));
  }

  private long heapSum(Map<String, MemoryUsage> usage) {
    return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
  }

  private static void record(AtomicLong peak, long value) {
    peak.accumulateAndGet(value, Math::max);
  }

  /** Largest heap in use seen (before a GC or sampled), in bytes. */
  long peakUsedBytes() {
    return peakUsed.get();
  }

  /** Largest heap still in use right after a GC, in bytes (0 if no GC ran). */
  long peakLiveBytes() {
    return peakAfterGc.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    unregister.forEach(Runnable::run);
  }
}
