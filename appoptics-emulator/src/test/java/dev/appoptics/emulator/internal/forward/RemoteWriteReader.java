package dev.appoptics.emulator.internal.forward;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xerial.snappy.Snappy;

/** Test-only reader of remote-write 1.0 requests: just enough of the schema to check what the encoder wrote. */
final class RemoteWriteReader {
  record Sample(double value, long millis) {}

  /** One time series: its labels in wire order, and its samples. */
  record TimeSeries(List<String[]> labelsInOrder, List<Sample> samples) {
    Map<String, String> labels() {
      Map<String, String> out = new TreeMap<>();
      labelsInOrder.forEach(l -> out.put(l[0], l[1]));
      return out;
    }

    String name() {
      return labels().get("__name__");
    }
  }

  record Metadata(int type, String family, String help, String unit) {}

  record WriteRequest(List<TimeSeries> series, List<Metadata> metadata) {}

  private RemoteWriteReader() {}

  static WriteRequest readSnappy(byte[] body) throws IOException {
    return read(Snappy.uncompress(body));
  }

  static WriteRequest read(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    List<TimeSeries> series = new ArrayList<>();
    List<Metadata> metadata = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = tag >>> 3;
      if (field == 1) {
        series.add(timeSeries(in.readByteArray()));
      } else if (field == 3) {
        metadata.add(metadata(in.readByteArray()));
      } else {
        in.skipField(tag);
      }
    }
    return new WriteRequest(series, metadata);
  }

  private static TimeSeries timeSeries(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    List<String[]> labels = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      CodedInputStream m = CodedInputStream.newInstance(in.readByteArray());
      if (tag >>> 3 == 1) {
        String[] l = new String[2];
        for (int t = m.readTag(); t != 0; t = m.readTag()) {
          l[(t >>> 3) - 1] = m.readString();
        }
        labels.add(l);
      } else {
        double value = 0;
        long millis = 0;
        for (int t = m.readTag(); t != 0; t = m.readTag()) {
          if (t >>> 3 == 1) {
            value = m.readDouble();
          } else {
            millis = m.readInt64();
          }
        }
        samples.add(new Sample(value, millis));
      }
    }
    return new TimeSeries(labels, samples);
  }

  private static Metadata metadata(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    int type = 0;
    String family = "";
    String help = "";
    String unit = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> type = in.readEnum();
        case 2 -> family = in.readString();
        case 4 -> help = in.readString();
        case 5 -> unit = in.readString();
        default -> in.skipField(tag);
      }
    }
    return new Metadata(type, family, help, unit);
  }
}
