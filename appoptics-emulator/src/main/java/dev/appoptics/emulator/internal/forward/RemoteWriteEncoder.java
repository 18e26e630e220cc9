package dev.appoptics.emulator.internal.forward;

import dev.appoptics.emulator.internal.bytes.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Writes a Prometheus remote-write 1.0 {@code WriteRequest} (uncompressed protobuf) with plain byte writes: the
 * messages are small and few enough not to need generated classes.
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
  // a field's tag: its number times eight plus its wire type (0 varint, 1 eight bytes, 2 length-delimited)
  private static final int TIME_SERIES = 1 << 3 | 2;
  private static final int LABELS = 1 << 3 | 2;
  private static final int SAMPLES = 2 << 3 | 2;
  private static final int METADATA = 3 << 3 | 2;
  private static final int FIRST_STRING = 1 << 3 | 2;
  private static final int SECOND_STRING = 2 << 3 | 2;
  private static final int SAMPLE_VALUE = 1 << 3 | 1;
  private static final int SAMPLE_TIMESTAMP = 2 << 3;
  private static final int METADATA_TYPE = 1 << 3;
  private static final int METADATA_HELP = 4 << 3 | 2;
  private static final int METADATA_UNIT = 5 << 3 | 2;

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
    Map<String, Boolean> described = new HashMap<>(); // per metric: whether its summary families were seen too
    ByteWriter out = new ByteWriter(sizeBound(series));
    for (SeriesPoints sp : series) {
      byte[][] labels = labels(sp);
      boolean summaries = false;
      for (int v = 0; v < SUFFIXES.length; v++) {
        summaries |= writeTimeSeries(out, sp, v, labels[v]) && v > 0;
      }
      Boolean seen = described.get(sp.name());
      if (seen == null || (summaries && !seen)) {
        described.put(sp.name(), summaries);
        addMetadata(metadata, sp.name(), summaries, now);
      }
    }
    for (Metadata m : metadata.values()) {
      m.writeTo(out);
    }
    return out.toByteArray();
  }

  /**
   * Room for the request's time series and metadata, so that writing them never grows the writer (a writer that
   * grows now and then in one place makes the JIT compile the growing into every other).
   */
  private int sizeBound(List<SeriesPoints> series) {
    int bound = 1024;
    for (SeriesPoints sp : series) {
      for (byte[] l : labels(sp)) {
        bound += l.length + 6;
      }
      bound += sp.size() * SUFFIXES.length * 24 + 4 * (sp.name().length() + 200);
    }
    return bound;
  }

  /** Writes the time series of variant {@code v} of {@code sp}, if any of its points makes one; true if it did. */
  private static boolean writeTimeSeries(ByteWriter out, SeriesPoints sp, int v, byte[] labels) {
    int size = 0;
    for (int i = 0; i < sp.size(); i++) {
      if (v == 0 || !sp.isValue(i)) {
        size += fieldSize(sampleSize(sp.time(i) * 1000));
      }
    }
    if (size == 0) {
      return false;
    }
    size += labels.length;
    out.put(TIME_SERIES).putVarLong(size).putBytes(labels, labels.length);
    for (int i = 0; i < sp.size(); i++) {
      if (v == 0 || !sp.isValue(i)) {
        long millis = sp.time(i) * 1000;
        out.put(SAMPLES).putVarLong(sampleSize(millis)).put(SAMPLE_VALUE).putDoubleLittleEndian(value(sp, v, i))
            .put(SAMPLE_TIMESTAMP).putVarLong(millis);
      }
    }
    return true;
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

  /** A sample's size: its value's tag and eight bytes, its timestamp's tag and varint. */
  private static int sampleSize(long millis) {
    return 1 + 8 + 1 + ByteWriter.varLongSize(millis);
  }

  /** The size of a length-delimited field holding {@code messageSize} bytes: tag, length, message. */
  private static int fieldSize(int messageSize) {
    return 1 + ByteWriter.varLongSize(messageSize) + messageSize;
  }

  /** The encoded labels of the five variants of a series; built once per series and kept with it. */
  private static byte[][] labels(SeriesPoints sp) {
    byte[][] cached = sp.series().remoteWriteLabels;
    if (cached != null) {
      return cached;
    }
    List<String> pairs = PromNames.labels(sp.name(), sp.tags());
    String base = PromNames.metricName(sp.name());
    int bound = 64 + 3 * base.length();
    for (String p : pairs) {
      bound += 3 * p.length() + 10;
    }
    byte[][] out = new byte[SUFFIXES.length][];
    for (int v = 0; v < SUFFIXES.length; v++) {
      ByteWriter labels = new ByteWriter(bound);
      boolean nameWritten = false;
      for (int p = 0; p < pairs.size(); p += 2) {
        if (!nameWritten && pairs.get(p).compareTo("__name__") > 0) {
          writeLabel(labels, "__name__", base + SUFFIXES[v]);
          nameWritten = true;
        }
        writeLabel(labels, pairs.get(p), pairs.get(p + 1));
      }
      if (!nameWritten) {
        writeLabel(labels, "__name__", base + SUFFIXES[v]);
      }
      out[v] = labels.toByteArray();
    }
    sp.series().remoteWriteLabels = out;
    return out;
  }

  private static void writeLabel(ByteWriter out, String name, String value) {
    byte[] n = utf8(name);
    byte[] v = utf8(value);
    out.put(LABELS).putVarLong(fieldSize(n.length) + fieldSize(v.length));
    out.put(FIRST_STRING).putVarLong(n.length).putBytes(n, n.length);
    out.put(SECOND_STRING).putVarLong(v.length).putBytes(v, v.length);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void addMetadata(Map<String, Metadata> out, String metric, boolean summaries, long now) {
    MetricInfo info = descriptions.describe(metric).orElseGet(() -> new MetricInfo(metric, Optional.empty(),
        Optional.empty()));
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
      out.putIfAbsent(base + SUFFIXES[v], new Metadata(utf8(base + SUFFIXES[v]), utf8(familyHelp),
          utf8(v == 1 ? "" : unit)));
    }
  }

  private record Sent(long millis, MetricInfo info, boolean summaries) {}

  /** One family's {@code MetricMetadata}, its strings as UTF-8. */
  private record Metadata(byte[] family, byte[] help, byte[] unit) {
    void writeTo(ByteWriter out) {
      int size = 2 + fieldSize(family.length) + fieldSize(help.length) + (unit.length == 0 ? 0
          : fieldSize(unit.length));
      out.put(METADATA).putVarLong(size).put(METADATA_TYPE).putVarLong(GAUGE);
      out.put(SECOND_STRING).putVarLong(family.length).putBytes(family, family.length);
      out.put(METADATA_HELP).putVarLong(help.length).putBytes(help, help.length);
      if (unit.length > 0) {
        out.put(METADATA_UNIT).putVarLong(unit.length).putBytes(unit, unit.length);
      }
    }
  }
}
