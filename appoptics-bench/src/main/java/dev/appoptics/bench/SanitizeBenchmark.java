package dev.appoptics.bench;

import dev.appoptics.metrics.MetricNames;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The metric-name sanitizer on a name that is already valid (the common case) and on one that is not. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SanitizeBenchmark {
  @Param({"app.requests.latency_ms", "bat$$$*[]()m#@%^&=~an.héllo/wörld[1]"})
  public String name;

  @Benchmark
  public String sanitize() {
    return MetricNames.sanitize(name);
  }
}
