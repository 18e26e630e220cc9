package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The header-read timeout and the idle timeout: slow or silent connections are cut off, healthy ones are not. */
class TimeoutsTest {
  private static final String GET = "GET /v1/metrics HTTP/1.1\r\nHost: x\r\nAuthorization: " + RawExchange.basic("t")
      + "\r\n\r\n";

  @Test
  void aRequestWhoseHeadersTrickleIsCutOffByTheHeaderTimeoutWith408() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().requestLog(log::add)
        .headerTimeout(Duration.ofMillis(800)).idleTimeout(Duration.ofSeconds(30)).start();
        Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long t0 = System.nanoTime();
      out.write("GET /v1/metrics HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      // A header line every 100 ms: bytes keep arriving, so only a header timeout can end this.
      Thread writer = new Thread(() -> {
        try {
          for (int i = 0; i < 100; i++) {
            out.write(("X-Slow-" + i + ": s\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException e) {
          // the server closed the connection: what this test waits for
        }
      });
      writer.setDaemon(true);
      writer.start();

      RawExchange.Answer answer = RawExchange.read(socket.getInputStream());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.json().at("/errors/request/0").asText()).contains("headers").contains("800 ms");
      assertThat(millis).isBetween(700L, 8_000L);
      assertThat(socket.getInputStream().read()).as("connection closed after the 408").isEqualTo(-1);
      assertThat(log).as("the cut-off is in the request log").anyMatch(l -> l.startsWith("other - -> 408 "));
      assertThat(new TestHttp(emulator.baseUri(), null).get("/metrics").body())
          .contains("appoptics_http_requests_total{method=\"other\",route=\"other\",status=\"408\"} 1");
    }
  }

  @Test
  void headersCompleteInTimeAreAnsweredAndAnIdleKeepAliveConnectionOutlivesTheHeaderTimeout() throws Exception {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder()
        .headerTimeout(Duration.ofMillis(300)).idleTimeout(Duration.ofSeconds(30)).start();
        Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
      assertThat(RawExchange.read(socket.getInputStream()).status()).isEqualTo(200);

      Thread.sleep(1_000); // idle between requests: the idle timeout's business, not the header timeout's

      socket.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
      assertThat(RawExchange.read(socket.getInputStream()).status()).isEqualTo(200);
    }
  }

  @Test
  void theIdleTimeoutClosesASilentConnection() throws Exception {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder()
        .headerTimeout(Duration.ofSeconds(30)).idleTimeout(Duration.ofMillis(500)).start();
        Socket silent = new Socket("127.0.0.1", emulator.port());
        Socket kept = new Socket("127.0.0.1", emulator.port())) {
      silent.setSoTimeout(10_000);
      kept.setSoTimeout(10_000);
      kept.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
      assertThat(RawExchange.read(kept.getInputStream()).status()).isEqualTo(200);
      long t0 = System.nanoTime();

      assertThat(silent.getInputStream().read()).as("silent connection closed").isEqualTo(-1);
      assertThat(kept.getInputStream().read()).as("idle keep-alive connection closed").isEqualTo(-1);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(8_000L);
    }
  }

  @Test
  void theIdleTimeoutAlsoEndsARequestWhoseBodyStopsArriving() throws Exception {
    try (AppOpticsEmulator emulator = AppOpticsEmulator.builder().idleTimeout(Duration.ofMillis(500)).start();
        Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /v1/measurements HTTP/1.1\r\nHost: x\r\nAuthorization: "
          + RawExchange.basic("t") + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tags\":")
          .getBytes(StandardCharsets.US_ASCII));

      InputStream in = socket.getInputStream();
      RawExchange.Answer answer = RawExchange.read(in);

      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.json().at("/errors/request/0").asText()).contains("body");
      assertThat(emulator.stats().measurementsAccepted()).isZero();
    }
  }
}
