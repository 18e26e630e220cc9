package dev.appoptics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Posts request bodies over keep-alive sockets ({@link RawHttp}, one per connection and thread) as fast as the server
 * answers: request {@code i} carries {@code bodies.apply(i)}, pre-encoded or built on the spot.
 */
final class Sender {
  private Sender() {}

  /**
   * What one run did.
   *
   * @param failed requests answered other than 2xx
   */
  record Result(long requests, long failed, double seconds) {
    double perSecond(long itemsPerRequest) {
      return requests * itemsPerRequest / seconds;
    }
  }

  /** A server address and what every request to it carries. */
  record Target(String host, int port, String path, String contentType, String authorization) {}

  static Result run(Target target, LongFunction<byte[]> bodies, long requests, int connections) throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < connections; t++) {
        futures.add(pool.submit(() -> {
          try (RawHttp http = new RawHttp(target.host(), target.port())) {
            for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
              int status = http.post(target.path(), bodies.apply(i), target.authorization(), target.contentType());
              if (status / 100 == 2) {
                ok.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Result(requests, requests - ok.get(), (System.nanoTime() - t0) / 1e9);
  }
}
