package dev.appoptics.emulator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TierTest {
  /** A plain model of one bucket: what the tier must hold after the same samples. */
  private static final class Bucket {
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double last;
    long lastTime = Long.MIN_VALUE;
    double squares;
  }

  @Test
  void outOfOrderSamplesLandInTheirBucketsLikeAPlainModel() {
    Random random = new Random(5);
    for (int width : Series.TIER_WIDTHS) {
      Tier tier = new Tier(width);
      TreeMap<Long, Bucket> model = new TreeMap<>();
      for (int i = 0; i < 5000; i++) {
        long time = 1_700_000_000L + (i < 2500 ? i : random.nextInt(20_000) - 10_000);
        double v = random.nextInt(1000) / 4.0;
        long bucketTime = Math.floorDiv(time, width) * width;
        Bucket b = model.get(bucketTime);
        boolean isNew = b == null;
        if (isNew) {
          b = new Bucket();
          model.put(bucketTime, b);
        }
        b.count++;
        b.sum += v;
        b.min = Math.min(b.min, v);
        b.max = Math.max(b.max, v);
        b.squares += v * v;
        if (time >= b.lastTime) {
          b.last = v;
          b.lastTime = time;
        }

        assertThat(tier.add(time, 1, v, v, v, v, v * v)).isEqualTo(isNew);
        assertThat(tier.has(time)).isTrue();
      }
      assertThat(tier.size()).isEqualTo(model.size());
      List<Aggregate> read = new ArrayList<>();
      tier.read(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, width, read::add);
      assertThat(read).hasSize(model.size());
      int i = 0;
      for (Map.Entry<Long, Bucket> e : model.entrySet()) {
        Bucket b = e.getValue();
        assertThat(read.get(i++))
            .isEqualTo(new Aggregate(e.getKey(), b.count, b.sum, b.min, b.max, b.last, b.squares));
      }
    }
  }
}
