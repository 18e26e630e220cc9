package dev.appoptics.metrics;

import java.util.List;

/**
 * Writes measurement batches as request bodies, straight to bytes: no maps, trees or generator per batch. A
 * measurement's tags are usually a shared {@link WireTags}, whose JSON is copied as it is.
 */
final class MeasurementJson {
  private static final byte[] NAME = JsonBytes.ascii("{\"name\":");
  private static final byte[] VALUE = JsonBytes.ascii(",\"value\":");
  private static final byte[] SUM = JsonBytes.ascii(",\"sum\":");
  private static final byte[] COUNT = JsonBytes.ascii(",\"count\":");
  private static final byte[] MIN = JsonBytes.ascii(",\"min\":");
  private static final byte[] MAX = JsonBytes.ascii(",\"max\":");
  private static final byte[] LAST = JsonBytes.ascii(",\"last\":");
  private static final byte[] STDDEV = JsonBytes.ascii(",\"stddev\":");
  private static final byte[] TIME = JsonBytes.ascii(",\"time\":");
  private static final byte[] PERIOD = JsonBytes.ascii(",\"period\":");
  private static final byte[] TAGS = JsonBytes.ascii(",\"tags\":");
  private static final byte[] ATTRIBUTES = JsonBytes.ascii(",\"attributes\":");
  private static final byte[] MEASUREMENTS = JsonBytes.ascii("\"measurements\":[");
  /** Scratch buffers are kept per thread up to this size; a bigger one (a huge batch) is left to the GC. */
  private static final int KEEP_BYTES = 1 << 20;
  private static final ThreadLocal<JsonBytes> SCRATCH = ThreadLocal.withInitial(() -> new JsonBytes(64 * 1024));

  private MeasurementJson() {}

  /** {@code {"measurements":[…]}}; the measurements must be resolved (final names and tags, each its own). */
  static byte[] encode(List<Measurement> measurements) {
    JsonBytes out = SCRATCH.get();
    out.reset();
    out.raw('{').raw(MEASUREMENTS);
    for (int i = 0; i < measurements.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      write(out, measurements.get(i));
    }
    byte[] body = out.raw(']').raw('}').toByteArray();
    if (out.length() > KEEP_BYTES) {
      SCRATCH.remove();
    }
    return body;
  }

  private static void write(JsonBytes out, Measurement m) {
    out.raw(NAME).string(m.name());
    if (m.value().isPresent()) {
      out.raw(VALUE).number(m.value().getAsDouble());
    }
    if (m.sum().isPresent()) {
      out.raw(SUM).number(m.sum().getAsDouble());
    }
    if (m.count().isPresent()) {
      out.raw(COUNT).number(m.count().getAsLong());
    }
    if (m.min().isPresent()) {
      out.raw(MIN).number(m.min().getAsDouble());
    }
    if (m.max().isPresent()) {
      out.raw(MAX).number(m.max().getAsDouble());
    }
    if (m.last().isPresent()) {
      out.raw(LAST).number(m.last().getAsDouble());
    }
    if (m.stddev().isPresent()) {
      out.raw(STDDEV).number(m.stddev().getAsDouble());
    }
    if (m.time().isPresent()) {
      out.raw(TIME).number(m.time().getAsLong());
    }
    if (m.period().isPresent()) {
      out.raw(PERIOD).number(m.period().getAsInt());
    }
    if (!m.tags().isEmpty()) {
      out.raw(TAGS);
      if (m.tags() instanceof WireTags wire) {
        out.raw(wire.json());
      } else {
        out.value(m.tags());
      }
    }
    if (!m.attributes().isEmpty()) {
      out.raw(ATTRIBUTES).value(m.attributes().asMap());
    }
    out.raw('}');
  }
}
