package dev.appoptics.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.emulator.RequestLogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of a running durable emulator ({@code POST /admin/snapshots}): taken while clients write, a snapshot
 * holds every write answered before the snapshot was answered and nothing torn; a server started on a copy answers
 * as the original did; snapshots are listed and deleted; a snapshot that fails leaves nothing behind and holds no
 * writes.
 */
class SnapshotTest {
  private static final String METRIC = "snap.seq";
  private static final int WRITERS = 3;
  /** Series each writer's batch writes to, one measurement each at the batch's second. */
  private static final int SERIES = 20;
  /** Within one hour bucket, well inside the past limit. */
  private static final long HOUR = (Instant.now().getEpochSecond() - 1800) / 3600 * 3600;
  private static final int MAX_BATCHES = 1800;

  @TempDir Path dir;

  private final List<String> requestLog = new CopyOnWriteArrayList<>();

  private AppOpticsEmulator start(Path data) {
    return AppOpticsEmulator.builder().dataDirectory(data).requestLog(requestLog::add)
        .requestLogFormat(RequestLogFormat.JSON).start();
  }

  @Test
  void aSnapshotTakenDuringWritesHoldsEveryWriteAnsweredBeforeItAndNoPartOfOneAfter() throws Exception {
    JsonNode snapshot;
    Map<String, Integer> answeredBefore;
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      Http http = new Http(emulator.baseUri());
      Writers writers = new Writers(emulator.baseUri());
      writers.awaitEach(30);
      snapshot = http.post("/admin/snapshots", null);
      int acknowledgedAtAnswer = writers.acknowledged();
      writers.awaitEach(30); // writes go on after the snapshot
      writers.stop();
      assertThat(writers.acknowledged()).isGreaterThan(acknowledgedAtAnswer);
      answeredBefore = answeredBefore(snapshot.get("name").asText());
    }
    assertThat(answeredBefore.values()).allSatisfy(n -> assertThat(n).isPositive());
    Path copy = dir.resolve("copy");
    EveryArea.copy(Path.of(snapshot.get("path").asText()), copy);

    try (AppOpticsEmulator restored = start(copy)) {
      Http http = new Http(restored.baseUri());
      JsonNode series = http.get("measurements/" + METRIC + "?resolution=3600&summary_function=all&start_time="
          + HOUR + "&end_time=" + (HOUR + 3599)).get("series");
      Map<String, List<JsonNode>> byWriter = new HashMap<>();
      series.forEach(s -> byWriter.computeIfAbsent(s.at("/tags/writer").asText(), w -> new ArrayList<>())
          .add(s.at("/measurements/0")));
      for (int w = 0; w < WRITERS; w++) {
        int before = answeredBefore.get("writer-" + w);
        List<JsonNode> points = byWriter.get(Integer.toString(w));
        assertThat(points).as("writer %d's series", w).hasSize(SERIES);
        long batches = points.get(0).get("count").asLong();
        // Every write answered before the snapshot is in it; the one a writer may have had in flight at the cut,
        // answered after the snapshot, may be too. Batches 0..n-1 whole, none after: the same count, 0 to n-1.
        assertThat(batches).as("writer %d's batches", w).isBetween((long) before, before + 1L);
        assertThat(points).allSatisfy(p -> {
          assertThat(p.get("count").asLong()).isEqualTo(batches);
          assertThat(p.get("min").asDouble()).isZero();
          assertThat(p.get("max").asDouble()).isEqualTo(batches - 1);
        });
      }
      int spacesBefore = answeredBefore.get("spaces");
      List<String> spaces = new ArrayList<>();
      for (JsonNode page = http.get("spaces"); ; page = http.get("spaces?offset=" + spaces.size())) {
        page.get("spaces").forEach(s -> spaces.add(s.get("name").asText()));
        if (spaces.size() >= page.at("/query/found").asInt()) {
          break;
        }
      }
      assertThat(spaces.size()).isBetween(spacesBefore, spacesBefore + 1);
      assertThat(spaces).containsExactlyInAnyOrderElementsOf(Writers.spaceNames(spaces.size()));
    }
  }

  @Test
  void aServerStartedOnACopyAnswersAsTheOriginalDidWhenTheSnapshotWasTaken() throws IOException {
    Map<String, JsonNode> before;
    Path snapshot;
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      Http http = new Http(emulator.baseUri());
      before = EveryArea.reads(http, EveryArea.create(http));
      snapshot = Path.of(http.post("/admin/snapshots", null).get("path").asText());
      http.post("spaces", "{\"name\":\"after the snapshot\"}");
      http.delete("metrics/latency");
    }
    assertThat(snapshot).startsWith(dir.resolve("data").resolve("snapshots"));
    EveryArea.copy(snapshot, dir.resolve("copy"));

    try (AppOpticsEmulator restored = start(dir.resolve("copy"))) {
      assertThat(EveryArea.reads(new Http(restored.baseUri()), EveryArea.paths(before))).isEqualTo(before);
    }
  }

  @Test
  void snapshotsAreListedOldestFirstAndDeletedByName() throws IOException {
    try (AppOpticsEmulator emulator = start(dir.resolve("data"))) {
      Http http = new Http(emulator.baseUri());
      http.post("measurements", EveryArea.measurements("cpu", 2));
      JsonNode first = http.post("/admin/snapshots", null);
      JsonNode second = http.post("/admin/snapshots", null);

      JsonNode listed = http.get("/admin/snapshots").get("snapshots");
      assertThat(listed).hasSize(2);
      assertThat(listed.get(0).get("name").asText()).isEqualTo(first.get("name").asText())
          .matches("\\d{8}T\\d{6}\\.\\d{3}Z");
      assertThat(listed.get(1)).isEqualTo(second);
      assertThat(first.get("bytes").asLong()).isPositive();
      assertThat(Path.of(second.get("path").asText()).resolve("log")).isDirectoryContaining(segment -> {
        try { // a hard link to the log's own segment: no space taken until the log deletes it
          return Files.isSameFile(segment, dir.resolve("data").resolve("log").resolve(segment.getFileName()));
        } catch (IOException e) {
          return false;
        }
      });
      assertThat(Instant.parse(first.get("created_at").asText())).isBetween(
          Instant.now().minusSeconds(60), Instant.now());
      assertThat(http.exchange("GET", "/metrics", null).body()).contains("appoptics_store_snapshots 2");

      http.delete("/admin/snapshots/" + first.get("name").asText());

      assertThat(http.get("/admin/snapshots").get("snapshots")).containsExactly(second);
      assertThat(Path.of(first.get("path").asText())).doesNotExist();
      assertThat(http.exchange("DELETE", "/admin/snapshots/" + first.get("name").asText(), null).statusCode())
          .isEqualTo(404);
      HttpResponse<String> outside = http.exchange("DELETE", "/admin/snapshots/..", null);
      assertThat(outside.statusCode()).isIn(400, 404);
      assertThat(dir.resolve("data").resolve("resources.db")).exists();
    }
  }

  @Test
  void aSnapshotThatCannotBeWrittenIs500LeavesNothingAndHoldsNoWrite() throws IOException {
    Path data = dir.resolve("data");
    try (AppOpticsEmulator emulator = start(data)) {
      Http http = new Http(emulator.baseUri());
      Files.writeString(data.resolve("snapshots"), "in the way"); // a file where the directory should be

      HttpResponse<String> refused = http.exchange("POST", "/admin/snapshots", null);

      assertThat(refused.statusCode()).isEqualTo(500);
      assertThat(refused.body()).contains("cannot take a snapshot in " + data.resolve("snapshots") + ": "
          + data.resolve("snapshots") + ": exists already, and is in the way")
          .contains("nothing of it was kept");
      assertThat(http.get("/admin/snapshots").get("snapshots")).isEmpty();
      http.post("measurements", EveryArea.measurements("cpu", 1));
      http.post("spaces", "{\"name\":\"still written\"}");
      Files.delete(data.resolve("snapshots"));
      assertThat(http.exchange("POST", "/admin/snapshots", null).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void whatACrashLeftOfASnapshotIsRemovedAtTheNextStart() throws IOException {
    Path data = dir.resolve("data");
    Path unfinished = data.resolve("snapshots").resolve(".20260101T000000Z-0123abcd");
    Files.createDirectories(unfinished.resolve("log"));
    Files.writeString(unfinished.resolve("resources.db"), "half");

    try (AppOpticsEmulator emulator = start(data)) {
      assertThat(unfinished).doesNotExist();
      assertThat(new Http(emulator.baseUri()).get("/admin/snapshots").get("snapshots")).isEmpty();
    }
  }

  /** Per user agent, the 2xx answers logged before the snapshot's own. */
  private Map<String, Integer> answeredBefore(String snapshot) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    for (String line : requestLog) {
      JsonNode entry = Http.JSON.readTree(line);
      if (entry.path("path").asText().equals("/admin/snapshots") && entry.path("method").asText().equals("POST")) {
        return out;
      }
      if (entry.path("status").asText().startsWith("2")) {
        out.merge(entry.path("user_agent").asText(), 1, Integer::sum);
      }
    }
    throw new AssertionError("the snapshot " + snapshot + " is not in the request log");
  }

  /**
   * Clients writing one request after another, each with its own user agent: {@code writer-W} posts batch N as one
   * measurement of value N at second {@code HOUR + N} to each of its series; {@code spaces} creates space N.
   */
  private static final class Writers {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger[] done = new AtomicInteger[WRITERS + 1];
    private final List<Future<?>> running = new ArrayList<>();

    Writers(URI api) {
      for (int w = 0; w <= WRITERS; w++) {
        done[w] = new AtomicInteger();
        int writer = w;
        IntFunction<HttpRequest> request = w < WRITERS
            ? n -> post(api.resolve("measurements"), "writer-" + writer, batch(writer, n))
            : n -> post(api.resolve("spaces"), "spaces", "{\"name\":\"space-" + n + "\"}");
        running.add(threads.submit(() -> write(request, done[writer])));
      }
    }

    static List<String> spaceNames(int n) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add("space-" + i);
      }
      return names;
    }

    private void write(IntFunction<HttpRequest> request, AtomicInteger done) {
      for (int n = 0; writing.get() && n < MAX_BATCHES; n++) {
        try {
          HttpResponse<String> r = CLIENT.send(request.apply(n), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        done.incrementAndGet();
      }
    }

    /** Waits until every writer has had {@code more} further requests answered. */
    void awaitEach(int more) {
      int[] from = new int[done.length];
      for (int w = 0; w < done.length; w++) {
        from[w] = done[w].get();
      }
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
        for (int w = 0; w < done.length; w++) {
          if (done[w].get() < Math.min(MAX_BATCHES, from[w] + more)) {
            return false;
          }
        }
        return true;
      });
    }

    int acknowledged() {
      int sum = 0;
      for (AtomicInteger d : done) {
        sum += d.get();
      }
      return sum;
    }

    void stop() throws Exception {
      writing.set(false);
      for (Future<?> f : running) {
        f.get();
      }
      threads.shutdown();
    }

    private static String batch(int writer, int n) {
      StringBuilder b = new StringBuilder("{\"time\":").append(HOUR + n).append(",\"measurements\":[");
      for (int i = 0; i < SERIES; i++) {
        b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(METRIC).append("\",\"value\":").append(n)
            .append(",\"tags\":{\"writer\":\"").append(writer).append("\",\"series\":\"").append(i).append("\"}}");
      }
      return b.append("]}").toString();
    }

    private static HttpRequest post(URI uri, String userAgent, String json) {
      return HttpRequest.newBuilder(uri).header("Authorization", "Basic dGVzdC10b2tlbjo=")
          .header("User-Agent", userAgent).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
  }
}
