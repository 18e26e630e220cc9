package dev.appoptics.emulator.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Creates from several threads at once: every create gets its own id and nothing is lost. */
class ConcurrentWritesApiTest extends ApiTestBase {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 10;

  @Test
  void concurrentCreatesGetDistinctIdsAndAreAllStored() throws Exception {
    Set<Long> spaceIds = createConcurrently(i -> api.post("/v1/spaces", "{\"name\":\"space-" + i + "\"}"));
    Set<Long> alertIds = createConcurrently(i -> api.post("/v1/alerts", "{\"name\":\"alert-" + i + "\"}"));
    Set<Long> eventIds = createConcurrently(i -> api.post("/v1/annotations/deploys", "{\"title\":\"e" + i + "\"}"));

    Set<Long> expected = LongStream.rangeClosed(1, THREADS * PER_THREAD).boxed().collect(Collectors.toSet());
    assertThat(spaceIds).isEqualTo(expected);
    assertThat(alertIds).isEqualTo(expected);
    assertThat(eventIds).isEqualTo(expected);
    assertThat(api.get("/v1/spaces").json().path("query").path("total").asInt()).isEqualTo(THREADS * PER_THREAD);
    assertThat(api.get("/v1/alerts").json().path("query").path("total").asInt()).isEqualTo(THREADS * PER_THREAD);
    assertThat(api.get("/v1/annotations/deploys?start_time=0").json().path("events").path("unassigned").size())
        .isEqualTo(THREADS * PER_THREAD);
  }

  private static Set<Long> createConcurrently(IntFunction<Reply> create) throws Exception {
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < PER_THREAD; i++) {
                    Reply reply = create.apply(thread * PER_THREAD + i);
                    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
                    ids.add(reply.id());
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return ids;
  }
}
