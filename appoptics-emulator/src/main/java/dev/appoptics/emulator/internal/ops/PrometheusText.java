package dev.appoptics.emulator.internal.ops;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes the Prometheus text exposition format (version 0.0.4), the body of {@code GET /metrics}. Each family is
 * declared once with its help and type; samples follow with their labels escaped as the format requires. Not
 * thread-safe: one instance per scrape.
 *
 * <pre>{@code
 * out.family("appoptics_requests_total", "counter", "Requests answered, by route and status.");
 * out.sample("appoptics_requests_total", 12, "route", "/v1/measurements", "status", "202");
 * }</pre>
 */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(4096);
  private final Set<String> declared = new LinkedHashSet<>();

  /** Declares a family once; later declarations of the same name are ignored. */
  public PrometheusText family(String name, String type, String help) {
    if (declared.add(name)) {
      out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
          .append('\n');
      out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
    return this;
  }

  /** One sample; {@code labels} alternate name and value. */
  public PrometheusText sample(String name, double value, String... labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs: " + labels.length + " strings given");
    }
    out.append(name);
    if (labels.length > 0) {
      out.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels[i]).append("=\"");
        escapeLabelValue(labels[i + 1]);
        out.append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  /** A family with one unlabelled sample. */
  public PrometheusText single(String name, String type, String help, double value) {
    return family(name, type, help).sample(name, value);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void escapeLabelValue(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
