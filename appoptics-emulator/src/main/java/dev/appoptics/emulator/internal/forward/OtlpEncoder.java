package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an OTLP {@code ExportMetricsServiceRequest} (protobuf, for OTLP/HTTP) with protobuf-java's
 * {@link CodedOutputStream}. One resource ({@code service.name} {@value #SERVICE_NAME}) and one instrumentation scope
 * hold one gauge per AppOptics metric name, whose data points carry the tags as attributes, plus
 * {@value PromNames#ORIGINAL_NAME}; times are nanoseconds. A summary point also feeds the gauges {@code
 * <name>.count}, {@code <name>.sum}, {@code <name>.min} and {@code <name>.max}: OTLP's Summary type is kept for
 * Prometheus compatibility, cannot carry {@code last}, and a metric may not be a gauge and a summary at once, so
 * separate gauges keep every statistic and mean the same as the remote-write series. Not thread-safe.
 *
 * <pre>
 * ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }
 * ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; }
 * Resource        { repeated KeyValue attributes = 1; }
 * ScopeMetrics    { InstrumentationScope scope = 1; repeated Metric metrics = 2; }
 * Metric          { string name = 1; string description = 2; string unit = 3; Gauge gauge = 5; }
 * Gauge           { repeated NumberDataPoint data_points = 1; }
 * NumberDataPoint { fixed64 time_unix_nano = 3; double as_double = 4; repeated KeyValue attributes = 7; }
 * KeyValue        { string key = 1; AnyValue value = 2; }   AnyValue { string string_value = 1; }
 * </pre>
 */
final class OtlpEncoder {
  static final String SERVICE_NAME = "appoptics";
  static final String SCOPE_NAME = "dev.appoptics.forward";
  static final String[] SUFFIXES = {"", ".count", ".sum", ".min", ".max"};

  private final MetricDescriptions descriptions;

  OtlpEncoder(MetricDescriptions descriptions) {
    this.descriptions = descriptions;
  }

  byte[] encode(List<SeriesPoints> series) {
    Map<String, List<SeriesPoints>> byMetric = new LinkedHashMap<>();
    for (SeriesPoints s : series) {
      byMetric.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
    }
    List<byte[]> metrics = new ArrayList<>();
    for (Map.Entry<String, List<SeriesPoints>> e : byMetric.entrySet()) {
      Optional<MetricInfo> info = descriptions.describe(e.getKey());
      for (int v = 0; v < SUFFIXES.length; v++) {
        byte[] metric = metric(e.getKey(), v, info, e.getValue());
        if (metric != null) {
          metrics.add(metric);
        }
      }
    }
    byte[] scope = message(out -> {
      out.writeByteArray(1, message(s -> s.writeString(1, SCOPE_NAME)));
      for (byte[] m : metrics) {
        out.writeByteArray(2, m);
      }
    });
    byte[] resourceMetrics = message(out -> {
      out.writeByteArray(1, message(r -> r.writeByteArray(1, keyValue("service.name", SERVICE_NAME))));
      out.writeByteArray(2, scope);
    });
    return message(out -> out.writeByteArray(1, resourceMetrics));
  }

  /** The gauge of variant {@code v} of one metric over all its series, or null when no point feeds it. */
  private static byte[] metric(String name, int v, Optional<MetricInfo> info, List<SeriesPoints> series) {
    List<byte[]> points = new ArrayList<>();
    for (SeriesPoints s : series) {
      byte[][] attributes = null;
      for (int i = 0; i < s.size(); i++) {
        if (v > 0 && s.isValue(i)) {
          continue;
        }
        if (attributes == null) {
          attributes = attributes(s);
        }
        byte[][] attrs = attributes;
        long nanos = s.time(i) * 1_000_000_000L;
        double value = RemoteWriteEncoder.value(s, v, i);
        points.add(message(p -> {
          p.writeFixed64(3, nanos);
          p.writeDouble(4, value);
          for (byte[] a : attrs) {
            p.writeByteArray(7, a);
          }
        }));
      }
    }
    if (points.isEmpty()) {
      return null;
    }
    String description = info.flatMap(MetricInfo::help).orElse("");
    String unit = v == 1 ? "" : info.flatMap(MetricInfo::unit).orElse("");
    return message(m -> {
      m.writeString(1, name + SUFFIXES[v]);
      if (!description.isEmpty()) {
        m.writeString(2, description);
      }
      if (!unit.isEmpty()) {
        m.writeString(3, unit);
      }
      m.writeByteArray(5, message(g -> {
        for (byte[] p : points) {
          g.writeByteArray(1, p);
        }
      }));
    });
  }

  /** The attributes of a series' data points; built once per series and kept with it. */
  private static byte[][] attributes(SeriesPoints s) {
    if (s.series().otlpAttributes != null) {
      return s.series().otlpAttributes;
    }
    byte[][] out = new byte[s.tags().size() + 1][];
    out[0] = keyValue(PromNames.ORIGINAL_NAME, s.name());
    int i = 1;
    for (Map.Entry<String, String> t : s.tags().entrySet()) {
      out[i++] = keyValue(t.getKey(), t.getValue());
    }
    s.series().otlpAttributes = out;
    return out;
  }

  private static byte[] keyValue(String key, String value) {
    return message(kv -> {
      kv.writeString(1, key);
      kv.writeByteArray(2, message(any -> any.writeString(1, value)));
    });
  }

  private interface Body {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 256);
    try {
      body.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
