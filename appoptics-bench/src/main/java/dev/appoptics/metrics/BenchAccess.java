package dev.appoptics.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets the benchmarks reach the client's package-private encoder; lives in the benchmark module only and is not part
 * of the client's API.
 */
public final class BenchAccess {
  private BenchAccess() {}

  /** The measurements as the client sends them (names checked, tags resolved against the connection). */
  public static List<Measurement> resolve(AppOptics api, List<Measurement> measurements) {
    List<Measurement> resolved = new ArrayList<>(measurements.size());
    for (Measurement m : measurements) {
      resolved.add(api.measurementsApi().resolve(m, Map.of()));
    }
    return resolved;
  }

  /** One request body for resolved measurements, exactly as a queue or reporter writes it. */
  public static byte[] encode(List<Measurement> resolved) {
    return MeasurementJson.encode(resolved);
  }
}
