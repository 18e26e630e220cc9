package dev.appoptics.emulator.internal.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.appoptics.emulator.internal.bytes.ByteWriter;
import dev.appoptics.emulator.internal.http.ApiResponse;
import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.Metric;
import dev.appoptics.emulator.internal.store.SummaryFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a measurements answer, written straight to bytes: a long range is mostly points, and a generator's
 * per-value bookkeeping cost as much as formatting their numbers. Numbers are formatted as Jackson formats them
 * (the same text the generator wrote before), strings escaped by Jackson's encoder, attributes written by the
 * shared mapper. Call {@link #head}, then for each series {@link #beginSeries}, its points or buckets and
 * {@link #endSeries}, then {@link #finish}.
 */
final class QueryAnswerJson {
  private static final byte[] TIME = ascii("{\"time\":");
  private static final byte[] VALUE = ascii(",\"value\":");
  private static final List<SummaryFunction> ALL_BUT_MEAN = List.of(SummaryFunction.COUNT, SummaryFunction.SUM,
      SummaryFunction.MIN, SummaryFunction.MAX, SummaryFunction.LAST, SummaryFunction.STDDEV);
  private static final List<byte[]> ALL_BUT_MEAN_NAMES =
      ALL_BUT_MEAN.stream().map(f -> ascii(",\"" + f.wireName() + "\":")).toList();

  private final ByteWriter out;
  private boolean firstSeries = true;
  private boolean firstPoint;

  /** {@code points}: how many points or buckets follow, to size the buffer once. */
  QueryAnswerJson(long points) {
    out = new ByteWriter((int) Math.min(1 << 26, 1024 + 48 * points));
  }

  void head(Metric metric, long resolution, String next) {
    put("{\"name\":").string(metric.name()).put(",\"type\":").string(metric.type());
    put(",\"resolution\":").put(Long.toString(resolution)).put(",\"attributes\":");
    try {
      put(ApiResponse.mapper().writeValueAsBytes(metric.attributes()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the metric's attributes", e);
    }
    put(",\"links\":[");
    if (next != null) {
      put("{\"rel\":\"next\",\"href\":").string(next).put("}");
    }
    put("],\"series\":[");
  }

  void beginSeries(Map<String, String> tags) {
    put(firstSeries ? "{\"tags\":{" : ",{\"tags\":{");
    firstSeries = false;
    boolean firstTag = true;
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (!firstTag) {
        put(",");
      }
      firstTag = false;
      string(t.getKey()).put(":").string(t.getValue());
    }
    put("},\"measurements\":[");
    firstPoint = true;
  }

  void point(long time, double value) {
    open(time, value).put("}");
  }

  /** A bucket with every summary: its mean as {@code value}, then count, sum, min, max, last and stddev. */
  void bucket(Aggregate a) {
    open(a.time(), a.value(SummaryFunction.MEAN));
    for (int i = 0; i < ALL_BUT_MEAN.size(); i++) {
      put(ALL_BUT_MEAN_NAMES.get(i)).number(a.value(ALL_BUT_MEAN.get(i)));
    }
    put("}");
  }

  /** A point's object up to its value, left open. */
  private QueryAnswerJson open(long time, double value) {
    if (!firstPoint) {
      out.put(',');
    }
    firstPoint = false;
    return put(TIME).put(Long.toString(time)).put(VALUE).number(value);
  }

  void endSeries() {
    put("]}");
  }

  byte[] finish() {
    put("]}");
    return out.toByteArray();
  }

  /** A double as Jackson's generator writes one with its fast writer; NaN and the infinities as quoted names. */
  private QueryAnswerJson number(double value) {
    return Double.isFinite(value) ? put(NumberOutput.toString(value, true)) : string(Double.toString(value));
  }

  private QueryAnswerJson string(String s) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(s);
    out.put('"').putBytes(escaped, escaped.length).put('"');
    return this;
  }

  /** ASCII text: the syntax and numbers. */
  private QueryAnswerJson put(String ascii) {
    out.putAscii(ascii);
    return this;
  }

  private QueryAnswerJson put(byte[] b) {
    out.putBytes(b, b.length);
    return this;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
