package dev.appoptics.emulator.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.internal.bytes.ByteReader;
import dev.appoptics.emulator.internal.store.TagMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Series keys: one per series, equal bytes for equal series, read back by a sender's table. */
class SeriesKeysTest {
  private static TagMap tags(String... pairs) {
    TreeMap<String, String> t = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      t.put(pairs[i], pairs[i + 1]);
    }
    return new TagMap(t);
  }

  /** What a sender makes of a key: the series its name and tag set bytes name in {@code table}. */
  private static ForwardedSeries read(SeriesTable table, SeriesKeys.Key k) {
    ByteReader name = new ByteReader(k.nameBytes);
    int nameLength = (int) name.getVarLong();
    ByteReader tags = new ByteReader(k.tagBytes);
    int tagsLength = (int) tags.getVarLong();
    return table.series(table.name(k.nameBytes.clone(), name.position(), name.position() + nameLength),
        table.tagSet(k.tagBytes.clone(), tags.position(), tags.position() + tagsLength));
  }

  @Test
  void theSameInstancesGetTheKeptKeyAndEqualContentGetsEqualBytes() {
    SeriesKeys keys = new SeriesKeys();
    TagMap tags = tags("host", "web1", "zone", "zürich");
    String name = "cpu.load";

    SeriesKeys.Key first = keys.of(name, tags);
    assertThat(keys.of(name, tags)).isSameAs(first);
    assertThat(keys.of(new String(name), tags("zone", "zürich", "host", "web1"))).isSameAs(first);

    Map<String, String> unsorted = new LinkedHashMap<>();
    unsorted.put("zone", "zürich");
    unsorted.put("host", "web1");
    SeriesKeys.Key other = new SeriesKeys().of(name, unsorted);
    assertThat(other.nameBytes).isEqualTo(first.nameBytes);
    assertThat(other.tagBytes).isEqualTo(first.tagBytes);
  }

  @Test
  void theSeriesOfOneNameOrOneTagSetShareItsBytesSoThatARecordHoldsThemOnce() {
    SeriesKeys keys = new SeriesKeys();
    SeriesKeys.Key a = keys.of("a", tags("h", "1"));
    SeriesKeys.Key b = keys.of("a", tags("h", "2"));
    SeriesKeys.Key c = keys.of("c", tags("h", "1"));

    assertThat(b.nameBytes).isSameAs(a.nameBytes);
    assertThat(c.tagBytes).isSameAs(a.tagBytes);
    assertThat(b.tagBytes).isNotEqualTo(a.tagBytes);
  }

  @Test
  void differentSeriesGetDifferentKeysThatASenderReadsBack() {
    SeriesKeys keys = new SeriesKeys();
    SeriesTable table = new SeriesTable();
    List<String> names = List.of("a", "a.b", "ab", "a\u0000", "zürich");
    List<TagMap> tagSets = List.of(tags("h", "1"), tags("h", "1", "i", ""), tags("h", "11"), tags("h1", ""),
        tags("h", "x".repeat(300)));
    List<ForwardedSeries> seen = new ArrayList<>();
    for (String name : names) {
      for (TagMap t : tagSets) {
        ForwardedSeries s = read(table, keys.of(name, t));
        assertThat(s.name).isEqualTo(name);
        assertThat(s.tags).isEqualTo(t);
        assertThat(read(table, keys.of(name, t))).as("known by its bytes").isSameAs(s);
        assertThat(table.series(name, t)).isSameAs(s);
        seen.add(s);
      }
    }
    assertThat(seen).doesNotHaveDuplicates();
  }

  @Test
  void manyMoreSeriesThanTheCacheHoldsFromSeveralThreadsEachGetTheirOwnKey() throws Exception {
    SeriesKeys keys = new SeriesKeys();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        checked.add(pool.submit(() -> {
          SeriesTable table = new SeriesTable();
          int n = 0;
          for (int i = 0; i < 100_000; i++) {
            String name = "m" + (i % 7);
            TagMap t = tags("host", "h" + (i % 20_011));
            ForwardedSeries s = read(table, keys.of(name, t));
            if (s.name.equals(name) && s.tags.equals(t)) {
              n++;
            }
          }
          return n;
        }));
      }
      for (Future<Integer> f : checked) {
        assertThat(f.get()).isEqualTo(100_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSendersTableForgetsItsSeriesOnlyBetweenBatchesOnceItHoldsMoreThanItKeeps() {
    SeriesTable table = new SeriesTable();
    ForwardedSeries first = table.series("m", tags("h", "0"));
    for (int i = 1; i <= SeriesTable.KEEP; i++) {
      table.series("m", tags("h", Integer.toString(i)));
    }
    assertThat(table.series("m", tags("h", "0"))).as("kept until trimmed").isSameAs(first);
    table.trim();
    assertThat(table.series("m", tags("h", "0"))).isNotSameAs(first).satisfies(s -> assertThat(s.tags)
        .isEqualTo(first.tags));
  }
}
