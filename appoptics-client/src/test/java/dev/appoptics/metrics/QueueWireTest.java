package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appoptics.metrics.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queue chunking and failure handling, observed request by request. */
class QueueWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final RecordingServer server = RecordingServer.start();
  private AppOptics api;

  @BeforeEach
  void reset() {
    server.respond(Reply.json(202, "{\"errors\":[]}"));
    api = AppOptics.builder().token("t").baseUri(server.baseUri()).tags(Map.of("env", "test"))
        .retryPolicy(RetryPolicy.none()).build();
  }

  private static List<JsonNode> sentMeasurements(List<RecordingServer.Recorded> requests) {
    List<JsonNode> out = new ArrayList<>();
    for (RecordingServer.Recorded r : requests) {
      try {
        JSON.readTree(r.body()).path("measurements").forEach(out::add);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private static List<Integer> chunkSizes() {
    List<Integer> sizes = new ArrayList<>();
    for (RecordingServer.Recorded r : server.requests) {
      sizes.add(sentMeasurements(List.of(r)).size());
    }
    return sizes;
  }

  @Test
  void threeHundredAndOneMeasurementsMakeTwoRequests() {
    Queue q = api.newQueue();
    for (int i = 0; i < 301; i++) {
      q.add("m", i);
    }
    assertThat(q.submit()).isEqualTo(301);
    assertThat(chunkSizes()).containsExactly(300, 1);
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.submit()).isZero();
    assertThat(server.requests).hasSize(2);
  }

  @Test
  void queueSendsValueWithResolvedTags() {
    Queue q = api.newQueue(QueueOptions.builder().tags(Map.of("service", "api")).build());
    q.add("temperature", 23.1);
    q.submit();
    assertThat(server.requests.get(0).body())
        .isEqualTo("{\"measurements\":[{\"name\":\"temperature\",\"value\":23.1,"
            + "\"tags\":{\"env\":\"test\",\"service\":\"api\"}}]}");
  }

  @Test
  void autoSubmitsWhenTheCountIsReached() {
    Queue q = api.newQueue(QueueOptions.builder().autoSubmitCount(10).build());
    for (int i = 0; i < 25; i++) {
      q.add("m", i);
    }
    assertThat(chunkSizes()).containsExactly(10, 10);
    assertThat(q.size()).isEqualTo(5);
  }

  @Test
  void closeSubmitsEvenWhenTheBlockThrows() {
    assertThatThrownBy(() -> {
          try (Queue q = api.newQueue()) {
            q.add("m", 1);
            throw new IllegalStateException("block failed");
          }
        })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("block failed")
        .hasNoSuppressedExceptions();
    assertThat(chunkSizes()).containsExactly(1);
  }

  @Test
  void aFailedSubmitOnCloseIsAttachedToTheBlocksException() {
    server.respond(Reply.json(500, "{\"errors\":{\"system\":[\"down\"]}}"));
    assertThatThrownBy(() -> {
          try (Queue q = api.newQueue()) {
            q.add("m", 1);
            throw new IllegalStateException("block failed");
          }
        })
        .isInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(ServerErrorException.class));
  }

  @Test
  void aFailedChunkKeepsExactlyTheUnsentMeasurementsInOrder() {
    AtomicInteger calls = new AtomicInteger();
    server.respond(r -> calls.incrementAndGet() == 2
        ? Reply.json(503, "{\"errors\":{\"system\":[\"maintenance\"]}}")
        : Reply.json(202, "{}"));
    Queue q = api.newQueue();
    for (int i = 0; i < 650; i++) {
      q.add("m", i);
    }
    assertThatThrownBy(q::submit).isInstanceOf(ServerErrorException.class);
    assertThat(q.size()).isEqualTo(350);
    q.add("m", 650);
    assertThat(q.measurements().get(0).value()).hasValue(300);
    assertThat(q.measurements().get(350).value()).hasValue(650);

    assertThat(q.submit()).isEqualTo(351);
    // accepted requests: #1 (0..299), #3 (300..599), #4 (600..650); #2 failed
    List<RecordingServer.Recorded> accepted = new ArrayList<>(server.requests);
    accepted.remove(1);
    List<Integer> values = sentMeasurements(accepted).stream().map(n -> n.get("value").asInt()).toList();
    assertThat(values).hasSize(651).doesNotHaveDuplicates();
    assertThat(values).isSorted();
  }

  @Test
  void concurrentAddsDuringSubmitsAreNeitherLostNorDuplicated() throws Exception {
    server.respond(Reply.json(202, "{}").delayed(5));
    Queue q = api.newQueue(QueueOptions.builder().autoSubmitCount(200).build());
    int threads = 4;
    int perThread = 2_000;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          q.add(Measurement.builder("m").value(id * 1_000_000 + i).tag("thread", "t" + id).build());
        }
      }));
    }
    Thread submitter = new Thread(() -> {
      for (int i = 0; i < 50; i++) {
        q.submit();
      }
    });
    workers.forEach(Thread::start);
    submitter.start();
    for (Thread w : workers) {
      w.join();
    }
    submitter.join();
    q.submit();

    List<JsonNode> sent = sentMeasurements(server.requests);
    Set<Integer> distinct = new HashSet<>();
    sent.forEach(n -> distinct.add(n.get("value").asInt()));
    assertThat(sent).hasSize(threads * perThread);
    assertThat(distinct).hasSize(threads * perThread);
    assertThat(chunkSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 300));
  }

  @Test
  void aggregatorSummariesGoThroughTheQueue() {
    Aggregator agg = api.newAggregator(AggregatorOptions.builder().tags(Map.of("host", "h1")).period(60)
        .time(1_700_000_030L).build());
    agg.add("latency", 12);
    agg.add("latency", 30);
    Queue q = api.newQueue();
    q.addAggregator(agg);
    assertThat(agg.size()).isZero();
    q.submit();
    assertThat(server.requests.get(0).body())
        .isEqualTo("{\"measurements\":[{\"name\":\"latency\",\"sum\":42.0,\"count\":2,\"min\":12.0,\"max\":30.0,"
            + "\"time\":1699999980,\"period\":60,\"tags\":{\"host\":\"h1\"}}]}");
  }

  @Test
  void aPartlyRefusedChunkIsNotSentAgain() {
    AtomicInteger calls = new AtomicInteger();
    server.respond(r -> calls.incrementAndGet() == 2
        ? Reply.json(202, "{\"measurements\":{\"summary\":{\"total\":300,\"accepted\":299,\"failed\":1}},"
            + "\"errors\":[\"m: value is out of range\"]}")
        : Reply.json(202, "{\"measurements\":{\"summary\":{\"failed\":0}},\"errors\":[]}"));
    Queue q = api.newQueue();
    for (int i = 0; i < 650; i++) {
      q.add("m", i);
    }
    assertThatThrownBy(q::submit)
        .isInstanceOfSatisfying(PartialFailureException.class, e -> {
          assertThat(e.status()).isEqualTo(202);
          assertThat(e.errors()).containsExactly("m: value is out of range");
          assertThat(e.path()).isEqualTo("/v1/measurements");
        });
    assertThat(q.size()).isEqualTo(50);
    assertThat(q.measurements().get(0).value()).hasValue(600);
  }

  @Test
  void aRefusalReportedOnlyAsACountIsAnErrorToo() {
    server.respond(Reply.json(202, "{\"measurements\":{\"summary\":{\"failed\":2}},\"errors\":[]}"));
    assertThatThrownBy(() -> api.submit("m", 1, Map.of("h", "a")))
        .isInstanceOf(PartialFailureException.class)
        .hasMessage("[202] POST /v1/measurements: 2 measurements were refused");
  }
}
