package dev.appoptics.bench;

import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Queue;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Queue.add} per measurement: each invocation fills a fresh queue with {@value #ADDS} measurements (nothing is
 * sent), so the time and, with {@code -prof gc}, the normalized allocation ({@code gc.alloc.rate.norm}) are per
 * queued measurement. The retained heap per queued measurement is measured by {@link QueueHeapProbe}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class QueueAddBenchmark {
  static final int ADDS = 10_000;

  private AppOptics api;
  private String[] names;
  private Map<String, String>[] tags;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    api = AppOptics.builder().token(Workload.TOKEN).baseUri("http://127.0.0.1:9/v1/").build();
    names = new String[Workload.NAMES];
    for (int i = 0; i < names.length; i++) {
      names[i] = Workload.name(i);
    }
    tags = new Map[Workload.HOSTS];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = Workload.tags(i);
    }
  }

  @TearDown
  public void tearDown() {
    api.close();
  }

  /** Adds with a value and three tags, the common call. */
  @Benchmark
  @OperationsPerInvocation(ADDS)
  public Queue addValueWithTags() {
    Queue q = api.newQueue();
    for (int i = 0; i < ADDS; i++) {
      q.add(names[i % Workload.NAMES], Workload.value(i), tags[i % Workload.HOSTS]);
    }
    return q;
  }
}
