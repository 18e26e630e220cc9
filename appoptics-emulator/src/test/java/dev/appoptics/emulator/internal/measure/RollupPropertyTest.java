package dev.appoptics.emulator.internal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.internal.store.Aggregate;
import dev.appoptics.emulator.internal.store.MeasurementStore;
import dev.appoptics.emulator.internal.store.MemoryMeasurementStore;
import dev.appoptics.emulator.internal.store.MetricRegistry;
import dev.appoptics.emulator.internal.store.Series;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of valid writes, extreme values included, go through the parser into the store; every bucket of
 * every roll-up tier (and a one-day merge of them) must equal a plain reference model built from the same writes:
 * count, sum, min, max and last, with nothing lost or corrupted by any accepted write.
 */
class RollupPropertyTest {
  static final long NOW = 1_700_000_000L;
  static final int[] TIERS = {1, 60, 900, 3600};
  static final long MAX_COUNT = Integer.MAX_VALUE;

  /** One write: a value ({@code count} 1, no summary) or a summary with all its statistics or only sum and count. */
  record Write(String host, long time, boolean value, long count, double sum, double min, double max, double last,
      boolean onlySum) {
    String json() {
      String fields = value ? "\"value\":" + sum
          : "\"sum\":" + sum + ",\"count\":" + count
              + (onlySum ? "" : ",\"min\":" + min + ",\"max\":" + max + ",\"last\":" + last);
      return "{\"name\":\"prop\",\"time\":" + time + ",\"tags\":{\"host\":\"" + host + "\"}," + fields + "}";
    }

    double effectiveMin() {
      return value ? sum : onlySum ? sum / count : min;
    }

    double effectiveMax() {
      return value ? sum : onlySum ? sum / count : max;
    }

    double effectiveLast() {
      return value ? sum : onlySum ? sum / count : last;
    }
  }

  /** The reference: one bucket per width and aligned time, updated sample by sample in write order. */
  static final class Bucket {
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double last;
    long lastTime = Long.MIN_VALUE;

    void add(Write w) {
      sum = count == 0 ? w.sum() : sum + w.sum(); // the first sample sets the sum, as a new bucket does (-0.0)
      count += w.count();
      min = Math.min(min, w.effectiveMin());
      max = Math.max(max, w.effectiveMax());
      if (w.time() >= lastTime) {
        last = w.effectiveLast();
        lastTime = w.time();
      }
    }

    String describe(long time) {
      return time + ": count " + count + ", sum " + sum + ", min " + min + ", max " + max + ", last " + last;
    }
  }

  @Provide
  Arbitrary<Write> writes() {
    Arbitrary<Double> extreme = Arbitraries.of(0.0, -0.0, 1.0, -1.0, 9.99e126, -9.99e126,
        1e-130, -1e-130, 4.9e-1, 1e15, Math.PI);
    Arbitrary<Double> values = Arbitraries.oneOf(extreme, Arbitraries.doubles().between(-1e6, 1e6));
    Arbitrary<Long> counts = Arbitraries.oneOf(Arbitraries.of(1L, 2L, MAX_COUNT, MAX_COUNT - 1),
        Arbitraries.longs().between(1, MAX_COUNT));
    // a few hours around NOW, so that writes share and split buckets at every width, out of order and with ties
    Arbitrary<Long> times = Arbitraries.oneOf(Arbitraries.of(NOW, NOW - 1, NOW - 3599, NOW - 3600, NOW - 7199),
        Arbitraries.longs().between(NOW - 3 * 3600, NOW + 600));
    // kind 0: a value; 1: a summary with every statistic; 2: a summary of only sum and count
    return Combinators.combine(Arbitraries.of("a", "b"), times, Arbitraries.of(0, 1, 2), counts, values, values,
        values, values).as((host, time, kind, count, sum, min, max, last) ->
        new Write(host, time, kind == 0, kind == 0 ? 1 : count, sum, min, max, last, kind == 2));
  }

  @Property(tries = 300)
  void everyTierMatchesTheReferenceModel(@ForAll @Size(min = 1, max = 60) List<@From("writes") Write> writes,
      @ForAll @Size(min = 1, max = 8) List<Integer> payloadSizes) {
    MeasurementStore store = new MemoryMeasurementStore(new MetricRegistry(), 1000, 1_000_000);
    Map<String, Map<Integer, TreeMap<Long, Bucket>>> model = new TreeMap<>();
    int next = 0;
    for (int p = 0; next < writes.size(); p++) {
      int size = Math.max(1, Math.abs(payloadSizes.get(p % payloadSizes.size()) % 20));
      List<Write> payload = writes.subList(next, Math.min(writes.size(), next + size));
      next += payload.size();
      write(store, payload);
      for (Write w : payload) {
        for (int width : TIERS) {
          model.computeIfAbsent(w.host(), h -> new TreeMap<>())
              .computeIfAbsent(width, x -> new TreeMap<>())
              .computeIfAbsent(Math.floorDiv(w.time(), width) * width, t -> new Bucket())
              .add(w);
        }
      }
    }

    for (Series s : store.series("prop")) {
      Map<Integer, TreeMap<Long, Bucket>> expected = model.get(s.tags().get("host"));
      for (int width : TIERS) {
        assertThat(describe(s.aggregates(NOW - 4 * 3600, NOW + 3600, width)))
            .as("host %s, %d-second tier", s.tags().get("host"), width)
            .isEqualTo(describe(expected.get(width)));
      }
      assertThat(describe(s.aggregates(NOW - 86_400, NOW + 3600, 86_400)))
          .as("one day merged from hour buckets")
          .isEqualTo(describe(merged(expected.get(3600), 86_400)));
      for (Aggregate a : s.aggregates(NOW - 4 * 3600, NOW + 3600, 1)) {
        assertThat(a.value(dev.appoptics.emulator.internal.store.SummaryFunction.STDDEV)).isFinite();
      }
    }
    assertThat(store.series("prop")).hasSize(model.size());
  }

  private static void write(MeasurementStore store, List<Write> payload) {
    StringBuilder body = new StringBuilder("{\"measurements\":[");
    for (int i = 0; i < payload.size(); i++) {
      body.append(i == 0 ? "" : ",").append(payload.get(i).json());
    }
    body.append("]}");
    MeasurementParser parser = new MeasurementParser(NOW, 4 * 3600, 3600, false);
    store.write(parser.parse(body.toString().getBytes(StandardCharsets.UTF_8)), "test", NOW);
  }

  /** Hour buckets merged the way a query merges them: in time order, the last from the latest bucket. */
  private static TreeMap<Long, Bucket> merged(TreeMap<Long, Bucket> hours, long width) {
    TreeMap<Long, Bucket> out = new TreeMap<>();
    hours.forEach((time, b) -> {
      Bucket m = out.computeIfAbsent(Math.floorDiv(time, width) * width, t -> new Bucket());
      m.sum = m.count == 0 ? b.sum : m.sum + b.sum;
      m.count += b.count;
      m.min = Math.min(m.min, b.min);
      m.max = Math.max(m.max, b.max);
      m.last = b.last;
    });
    return out;
  }

  private static List<String> describe(TreeMap<Long, Bucket> buckets) {
    List<String> out = new ArrayList<>();
    buckets.forEach((time, b) -> out.add(b.describe(time)));
    return out;
  }

  private static List<String> describe(List<Aggregate> aggregates) {
    List<String> out = new ArrayList<>();
    for (Aggregate a : aggregates) {
      Bucket b = new Bucket();
      b.count = a.count();
      b.sum = a.sum();
      b.min = a.min();
      b.max = a.max();
      b.last = a.last();
      out.add(b.describe(a.time()));
    }
    return out;
  }
}
