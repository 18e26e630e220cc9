package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's files over HTTP: no token needed, right content types, revalidation, and nothing outside them. */
class ConsoleFilesTest {
  private static AppOpticsEmulator emulator;
  private static TestHttp root;

  @BeforeAll
  static void start() {
    emulator = AppOpticsEmulator.builder().tokens("secret").start();
    root = new TestHttp(emulator.consoleUri(), null);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void thePageIsServedAtTheRootWithoutAToken() {
    TestHttp.Answer page = root.get("");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("connect-src 'self'");
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(emulator.consoleUri()).isEqualTo(emulator.baseUri().resolve("/"));
    assertThat(new TestHttp(emulator.baseUri(), null).get("spaces").status())
        .as("the API itself still needs the token").isEqualTo(401);
  }

  @ParameterizedTest
  @CsvSource({
    "console/app.js, text/javascript;charset=utf-8, import",
    "console/pages/space.js, text/javascript;charset=utf-8, export async function spacePage",
    "console/console.css, text/css;charset=utf-8, --accent",
    "console/favicon.svg, image/svg+xml, <svg",
    "console/uplot/uPlot.esm.js, text/javascript;charset=utf-8, export { uPlot as default }",
    "console/uplot/uPlot.min.css, text/css;charset=utf-8, .uplot",
  })
  void filesCarryTheirContentType(String path, String type, String content) {
    TestHttp.Answer file = root.get(path);

    assertThat(file.status()).as(path).isEqualTo(200);
    assertThat(file.header("Content-Type")).isEqualTo(type);
    assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(file.body()).contains(content);
  }

  @Test
  void anUnchangedFileIsRevalidatedWithoutItsBody() {
    String etag = root.get("console/app.js").header("ETag");

    TestHttp.Answer again = root.send(root.builder("console/app.js").header("If-None-Match", etag).GET());
    TestHttp.Answer stale = root.send(root.builder("console/app.js").header("If-None-Match", "\"old\"").GET());

    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(etag);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(root.get("console/console.css").header("ETag")).isNotEqualTo(etag);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "console/../pom.xml",
    "console/%2e%2e/%2e%2e/EmulatorMain.class",
    "console/uplot/../../../../META-INF/MANIFEST.MF",
    "console/uplot/%2E%2E%2FLICENSE",
    "console/.hidden.js",
    "console/pages",
    "console/app.class",
    "console/dev/appoptics/emulator/AppOpticsEmulator.class",
    "console/",
    "index.html",
    "favicon.ico",
    "v2/spaces",
  })
  void nothingOutsideTheConsoleFilesIsServed(String path) {
    HttpRequest raw = HttpRequest.newBuilder(URI.create(emulator.consoleUri() + path)).GET().build();

    TestHttp.Answer answer = root.send(HttpRequest.newBuilder(raw, (n, v) -> true));

    assertThat(answer.status()).as(path + " is refused (an ambiguous path) or not found").isIn(400, 404);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json;charset=utf-8");
    assertThat(answer.json().at("/errors/request/0").asText()).isNotBlank();
  }

  @Test
  void headAnswersTheHeadersAlone() {
    TestHttp.Answer head = root.send(root.builder("console/app.js").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).isEqualTo("text/javascript;charset=utf-8");
    assertThat(head.header("ETag")).isEqualTo(root.get("console/app.js").header("ETag"));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void theConsoleMeetsNoInjectedFault() {
    emulator.setFaults(Faults.builder().failNext(3, 503).build());
    try {
      assertThat(root.get("").status()).isEqualTo(200);
      assertThat(root.get("console/app.js").status()).isEqualTo(200);
      assertThat(new TestHttp(emulator.baseUri(), "secret").get("spaces").status())
          .as("the API still does").isEqualTo(503);
    } finally {
      emulator.setFaults(Faults.none());
    }
  }

  @Test
  void onlyReadingIsAllowed() {
    TestHttp.Answer post = root.post("", "{}");

    assertThat(post.status()).isEqualTo(405);
  }
}
