package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.xerial.snappy.Snappy;

/** What differs between the protocols: how a request body is made, its headers, and refusals inside a 2xx. */
interface Wire {
  /** {@code prometheus} or {@code otlp}: the destination's name in figures, logs and the queue directory. */
  String name();

  byte[] body(List<SeriesPoints> series);

  Map<String, String> headers();

  /** Samples the receiver refused although it answered 2xx (OTLP's partial success); 0 when none. */
  long refusedIn(byte[] answer);

  /** Remote-write 1.0: the snappy block format of a {@code WriteRequest}. */
  static Wire remoteWrite(MetricDescriptions descriptions, LongSupplier clockMillis) {
    RemoteWriteEncoder encoder = new RemoteWriteEncoder(descriptions, clockMillis);
    return new Wire() {
      @Override
      public String name() {
        return "prometheus";
      }

      @Override
      public byte[] body(List<SeriesPoints> series) {
        try {
          return Snappy.compress(encoder.encode(series));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Map<String, String> headers() {
        return Map.of("Content-Type", "application/x-protobuf", "Content-Encoding", "snappy",
            "X-Prometheus-Remote-Write-Version", "0.1.0", "User-Agent", "appoptics-forward/1.0");
      }

      @Override
      public long refusedIn(byte[] answer) {
        return 0;
      }
    };
  }

  /** OTLP/HTTP with a protobuf {@code ExportMetricsServiceRequest}. */
  static Wire otlp(MetricDescriptions descriptions) {
    OtlpEncoder encoder = new OtlpEncoder(descriptions);
    return new Wire() {
      @Override
      public String name() {
        return "otlp";
      }

      @Override
      public byte[] body(List<SeriesPoints> series) {
        return encoder.encode(series);
      }

      @Override
      public Map<String, String> headers() {
        return Map.of("Content-Type", "application/x-protobuf", "User-Agent", "appoptics-forward/1.0");
      }

      /** {@code ExportMetricsServiceResponse { ExportMetricsPartialSuccess partial_success = 1; }} whose field 1 is
       * {@code int64 rejected_data_points}. */
      @Override
      public long refusedIn(byte[] answer) {
        try {
          CodedInputStream in = CodedInputStream.newInstance(answer);
          for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
              int limit = in.pushLimit(in.readRawVarint32());
              for (int t = in.readTag(); t != 0; t = in.readTag()) {
                if (t == ((1 << 3) | WireFormat.WIRETYPE_VARINT)) {
                  return in.readInt64();
                }
                in.skipField(t);
              }
              in.popLimit(limit);
            } else {
              in.skipField(tag);
            }
          }
        } catch (IOException e) {
          return 0; // not a protobuf answer (some receivers answer JSON or nothing): nothing reported refused
        }
        return 0;
      }
    };
  }
}
