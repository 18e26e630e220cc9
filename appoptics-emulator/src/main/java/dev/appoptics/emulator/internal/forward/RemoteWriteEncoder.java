package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Writes a Prometheus remote-write 1.0 {@code WriteRequest} (uncompressed protobuf) with protobuf-java's
 * {@link CodedOutputStream}: the messages are small enough not to need generated classes.
 *
 * <pre>
 * WriteRequest   { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
 * TimeSeries     { repeated Label labels = 1; repeated Sample samples = 2; }
 * Label          { string name = 1; string value = 2; }
 * Sample         { double value = 1; int64 timestamp = 2; }   // milliseconds
 * MetricMetadata { MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }
 * </pre>
 *
 * <p>A plain point becomes one sample of {@code <name>}; a summary point becomes samples of {@code <name>} (its
 * last value), {@code <name>_count}, {@code <name>_sum}, {@code <name>_min} and {@code <name>_max}. Each family's
 * metadata (type gauge, help, unit) goes with the first request that carries it and again after a change or
 * {@link #METADATA_REFRESH_MILLIS}, as Prometheus itself resends it. Not thread-safe: one per sender.
 */
final class RemoteWriteEncoder {
  static final String[] SUFFIXES = {"", "_count", "_sum", "_min", "_max"};
  static final long METADATA_REFRESH_MILLIS = 10 * 60_000L;
  private static final int GAUGE = 2;

  private final MetricDescriptions descriptions;
  private final LongSupplier clockMillis;
  private final Map<String, Sent> metadataSent = new HashMap<>();

  RemoteWriteEncoder(MetricDescriptions descriptions, LongSupplier clockMillis) {
    this.descriptions = descriptions;
    this.clockMillis = clockMillis;
  }

  /** The {@code WriteRequest} for these series. */
  byte[] encode(List<SeriesPoints> series) {
    long now = clockMillis.getAsLong();
    Map<String, Metadata> metadata = new HashMap<>();
    int size = 0;
    byte[][][] labels = new byte[series.size()][][];
    for (int s = 0; s < series.size(); s++) {
      SeriesPoints sp = series.get(s);
      labels[s] = labels(sp);
      boolean summaries = false;
      for (int v = 0; v < SUFFIXES.length; v++) {
        int n = timeSeriesSize(sp, v, labels[s][v]);
        if (n > 0) {
          size += fieldSize(n);
          summaries |= v > 0;
        }
      }
      addMetadata(metadata, sp.name(), summaries, now);
    }
    for (Metadata m : metadata.values()) {
      size += fieldSize(m.size());
    }
    byte[] body = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(body);
    try {
      for (int s = 0; s < series.size(); s++) {
        SeriesPoints sp = series.get(s);
        for (int v = 0; v < SUFFIXES.length; v++) {
          int n = timeSeriesSize(sp, v, labels[s][v]);
          if (n == 0) {
            continue;
          }
          out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          out.writeUInt32NoTag(n);
          out.writeRawBytes(labels[s][v]);
          for (int i = 0; i < sp.size(); i++) {
            if (v == 0 || !sp.isValue(i)) {
              double value = value(sp, v, i);
              long millis = sp.time(i) * 1000;
              out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
              out.writeUInt32NoTag(sampleSize(value, millis));
              out.writeDouble(1, value);
              out.writeInt64(2, millis);
            }
          }
        }
      }
      for (Metadata m : metadata.values()) {
        out.writeTag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(m.size());
        out.writeEnum(1, GAUGE);
        out.writeString(2, m.family);
        out.writeString(4, m.help);
        if (!m.unit.isEmpty()) {
          out.writeString(5, m.unit);
        }
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the body was sized exactly above
    }
    return body;
  }

  /** The sample of variant {@code v} (see {@link #SUFFIXES}) for point {@code i}. */
  static double value(SeriesPoints sp, int v, int i) {
    return switch (v) {
      case 0 -> sp.last(i);
      case 1 -> sp.count(i);
      case 2 -> sp.sum(i);
      case 3 -> sp.min(i);
      default -> sp.max(i);
    };
  }

  private static int timeSeriesSize(SeriesPoints sp, int v, byte[] labels) {
    int size = 0;
    for (int i = 0; i < sp.size(); i++) {
      if (v == 0 || !sp.isValue(i)) {
        size += fieldSize(sampleSize(value(sp, v, i), sp.time(i) * 1000));
      }
    }
    return size == 0 ? 0 : size + labels.length;
  }

  private static int sampleSize(double value, long millis) {
    return CodedOutputStream.computeDoubleSize(1, value) + CodedOutputStream.computeInt64Size(2, millis);
  }

  private static int fieldSize(int messageSize) {
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(messageSize) + messageSize;
  }

  /** The encoded labels of the five variants of a series; built once per series and kept with it. */
  private static byte[][] labels(SeriesPoints sp) {
    byte[][] cached = sp.series().remoteWriteLabels;
    if (cached != null) {
      return cached;
    }
    List<String> pairs = PromNames.labels(sp.name(), sp.tags());
    String base = PromNames.metricName(sp.name());
    byte[][] out = new byte[SUFFIXES.length][];
    for (int v = 0; v < SUFFIXES.length; v++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      CodedOutputStream cos = CodedOutputStream.newInstance(bytes);
      try {
        boolean nameWritten = false;
        for (int p = 0; p < pairs.size(); p += 2) {
          if (!nameWritten && pairs.get(p).compareTo("__name__") > 0) {
            writeLabel(cos, "__name__", base + SUFFIXES[v]);
            nameWritten = true;
          }
          writeLabel(cos, pairs.get(p), pairs.get(p + 1));
        }
        if (!nameWritten) {
          writeLabel(cos, "__name__", base + SUFFIXES[v]);
        }
        cos.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out[v] = bytes.toByteArray();
    }
    sp.series().remoteWriteLabels = out;
    return out;
  }

  private static void writeLabel(CodedOutputStream out, String name, String value) throws IOException {
    out.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, name) + CodedOutputStream.computeStringSize(2, value));
    out.writeString(1, name);
    out.writeString(2, value);
  }

  private void addMetadata(Map<String, Metadata> out, String metric, boolean summaries, long now) {
    MetricInfo info = descriptions.describe(metric).orElseGet(() -> new MetricInfo(metric,
        java.util.Optional.empty(), java.util.Optional.empty()));
    Sent sent = metadataSent.get(metric);
    if (sent != null && now - sent.millis < METADATA_REFRESH_MILLIS && sent.info.equals(info)
        && (sent.summaries || !summaries)) {
      return;
    }
    metadataSent.put(metric, new Sent(now, info, summaries));
    String base = PromNames.metricName(metric);
    String help = info.help().orElse("AppOptics metric " + metric);
    String unit = info.unit().orElse("");
    for (int v = 0; v < (summaries ? SUFFIXES.length : 1); v++) {
      String familyHelp = switch (v) {
        case 0 -> help;
        case 1 -> help + " (samples per measurement)";
        case 2 -> help + " (sum of each measurement's samples)";
        case 3 -> help + " (smallest sample of each measurement)";
        default -> help + " (largest sample of each measurement)";
      };
      out.putIfAbsent(base + SUFFIXES[v], new Metadata(base + SUFFIXES[v], familyHelp, v == 1 ? "" : unit));
    }
  }

  private record Sent(long millis, MetricInfo info, boolean summaries) {}

  private record Metadata(String family, String help, String unit) {
    Metadata {
      Objects.requireNonNull(family);
    }

    int size() {
      return CodedOutputStream.computeEnumSize(1, GAUGE)
          + CodedOutputStream.computeStringSize(2, family)
          + CodedOutputStream.computeStringSize(4, help)
          + (unit.isEmpty() ? 0 : CodedOutputStream.computeStringSize(5, unit));
    }
  }
}
