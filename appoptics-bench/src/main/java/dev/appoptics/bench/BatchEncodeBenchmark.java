package dev.appoptics.bench;

import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.BenchAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Streaming JSON encoding of one measurement chunk (300 by default: the Python library's chunk size). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BatchEncodeBenchmark {
  @Param({"300"})
  public int size;

  private List<dev.appoptics.metrics.Measurement> chunk;

  @Setup
  public void setUp() {
    try (AppOptics api = AppOptics.builder().token(Workload.TOKEN).baseUri("http://127.0.0.1:9/v1/").build()) {
      List<dev.appoptics.metrics.Measurement> raw = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        raw.add(dev.appoptics.metrics.Measurement.of(Workload.name(i), Workload.value(i), Workload.tags(i)));
      }
      chunk = BenchAccess.resolve(api, raw);
    }
  }

  @Benchmark
  public byte[] encodeChunk() {
    return BenchAccess.encode(chunk);
  }
}
