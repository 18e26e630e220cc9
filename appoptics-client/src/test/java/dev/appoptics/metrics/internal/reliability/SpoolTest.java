package dev.appoptics.metrics.internal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path dir;

  @Test
  void batchesComeBackOldestFirstAcrossReopen() {
    Spool spool = Spool.open(dir, 1_000);
    spool.write("a".getBytes(UTF_8), 1);
    spool.write("bb".getBytes(UTF_8), 2);
    Spool reopened = Spool.open(dir, 1_000);
    reopened.write("ccc".getBytes(UTF_8), 3);
    assertThat(reopened.entries()).extracting(Spool.Entry::measurements).containsExactly(1, 2, 3);
    assertThat(reopened.entries()).extracting(e -> new String(reopened.read(e), UTF_8)).containsExactly("a", "bb", "ccc");
    assertThat(reopened.bytes()).isEqualTo(6);
  }

  @Test
  void deleteRemovesTheFileAndItsBytes() {
    Spool spool = Spool.open(dir, 1_000);
    spool.write("abc".getBytes(UTF_8), 1);
    Spool.Entry e = spool.oldest().orElseThrow();
    spool.delete(e);
    assertThat(spool.isEmpty()).isTrue();
    assertThat(spool.bytes()).isZero();
    assertThat(Files.exists(e.file())).isFalse();
  }

  @Test
  void fullSpoolEvictsTheOldestAndCountsThem() {
    Spool spool = Spool.open(dir, 10);
    spool.write("1234".getBytes(UTF_8), 4);
    spool.write("5678".getBytes(UTF_8), 5);
    spool.write("abcd".getBytes(UTF_8), 6);
    assertThat(spool.entries()).extracting(Spool.Entry::measurements).containsExactly(5, 6);
    assertThat(spool.droppedBatches()).isEqualTo(1);
    assertThat(spool.droppedMeasurements()).isEqualTo(4);
    assertThat(spool.write(new byte[11], 7)).isFalse();
    assertThat(spool.droppedBatches()).isEqualTo(2);
    assertThat(spool.entries()).hasSize(2);
  }

  @Test
  void leftOverTemporaryFilesAreDiscardedOnOpen() throws Exception {
    Files.write(dir.resolve(".tmp-7"), "half".getBytes(UTF_8));
    Files.write(dir.resolve("unrelated.txt"), "keep".getBytes(UTF_8));
    Spool spool = Spool.open(dir, 100);
    assertThat(Files.exists(dir.resolve(".tmp-7"))).isFalse();
    assertThat(Files.exists(dir.resolve("unrelated.txt"))).isTrue();
    assertThat(spool.isEmpty()).isTrue();
  }

  @Test
  void invalidBoundIsNamed() {
    assertThatThrownBy(() -> Spool.open(dir, 0)).hasMessage("spool maxBytes must be positive, was 0");
  }

  @Test
  void aClaimedBatchIsNeitherHandedOutAgainNorEvicted() {
    Spool spool = Spool.open(dir, 10);
    Spool.Entry sending = spool.append("1234".getBytes(UTF_8), 4, true).orElseThrow();
    spool.write("5678".getBytes(UTF_8), 5);
    assertThat(spool.claimOldest()).hasValueSatisfying(e -> assertThat(e.measurements()).isEqualTo(5));
    assertThat(spool.claimOldest()).isEmpty();
    assertThat(spool.hasUnclaimed()).isFalse();

    spool.write("abcd".getBytes(UTF_8), 6); // full: nothing unclaimed to evict, so the bound gives way

    assertThat(spool.entries()).extracting(Spool.Entry::measurements).containsExactly(4, 5, 6);
    spool.release(sending);
    assertThat(spool.claimOldest()).hasValue(sending);
  }

  @Test
  void theUnansweredMarkSurvivesAReopenAndCanBeTakenBack() {
    Spool spool = Spool.open(dir, 1_000);
    Spool.Entry e = spool.append("abc".getBytes(UTF_8), 3, false).orElseThrow();
    spool.markUnanswered(e);
    assertThat(Spool.open(dir, 1_000).oldest()).hasValueSatisfying(r -> {
      assertThat(r.unanswered()).isTrue();
      assertThat(r.file().getFileName().toString()).endsWith("-3-u.batch");
    });
    spool.markAnswered(e);
    assertThat(Spool.open(dir, 1_000).oldest()).hasValueSatisfying(r -> assertThat(r.unanswered()).isFalse());
    assertThat(spool.lastSequence()).isEqualTo(e.sequence());
    assertThat(spool.holdsUpTo(e.sequence())).isTrue();
    spool.delete(e);
    assertThat(spool.holdsUpTo(e.sequence())).isFalse();
  }
}
