package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code appoptics metrics list} against a server whose paging never advances: one error line, not a hang. */
class BrokenPagingTest {

  @Test
  @Timeout(30)
  void aServerThatAlwaysAnswersOffsetZeroEndsTheListingWithOneErrorLine() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String page = "{\"query\":{\"found\":500,\"length\":1,\"offset\":0,\"total\":500},\"metrics\":"
          + "[{\"name\":\"m\",\"type\":\"gauge\",\"period\":null,\"attributes\":{}}]}";
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");

      CliRun run = CliRun.against(endpoint, "t", "", "metrics", "list");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err().lines()).containsExactly("error: paging GET /v1/metrics stopped: asked for the page at"
          + " offset 1 and the server answered offset 0; the paging would not advance; the server's paging is"
          + " broken; try again later or report it");
      assertThat(requests.get()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }
}
