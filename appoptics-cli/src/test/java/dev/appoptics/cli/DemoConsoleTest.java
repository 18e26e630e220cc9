package dev.appoptics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.console.HeadlessChromium;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The main job in a real browser: {@code appoptics demo --keep-running} prints the console's address, and the demo's
 * space shows its charts there with the tour's data. Leaves a screenshot in {@code target/console-demo.png}, and
 * also at the path in the system property {@code console.screenshot} when set (that is how docs/console-demo.png is
 * made; see docs/console.md).
 */
class DemoConsoleTest {
  private static final Pattern CONSOLE_LINE = Pattern.compile("console at (\\S+) \\(type the token (\\S+) when asked\\)");

  @Test
  void theDemosSpaceShowsItsChartsInTheConsole() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread demo = new Thread(() -> exit.set(Main.run(new String[] {"demo", "--keep-running"},
        new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Map.of())));
    demo.start();
    try {
      Matcher line = awaitConsoleLine(err, demo);
      assertThat(line.find()).as(out + "\n" + err).isTrue();
      URI console = URI.create(line.group(1));
      assertThat(console.getFragment()).startsWith("/spaces/");

      try (HeadlessChromium browser = HeadlessChromium.start()) {
        browser.driver().get(console.toString());
        browser.await(d -> "token".equals(d.findElement(By.id("main")).getAttribute("data-state")));
        WebElement token = browser.find("input[name='token']");
        token.sendKeys(line.group(2));
        token.submit();
        List<WebElement> charts = browser.await(d -> {
          List<WebElement> found = d.findElements(By.cssSelector("[data-chart-name]"));
          return !found.isEmpty() && found.stream().noneMatch(c -> "loading".equals(c.getAttribute("data-state")))
              ? found : null;
        });

        assertThat(charts).extracting(c -> c.getAttribute("data-chart-name"))
            .containsExactly("CPU by host", "Requests by host", "Requests served");
        assertThat(charts).extracting(c -> c.getAttribute("data-state")).containsOnly("ready");
        int hosts = DemoData.HOSTS.size();
        assertThat(Integer.parseInt(charts.get(0).findElement(By.cssSelector(".plot")).getAttribute("data-points")))
            .as("a point per host and time, plus the composite's").isEqualTo((hosts + 1) * DemoData.POINTS_PER_SERIES);
        double requests = 0;
        for (int h = 0; h < hosts; h++) {
          for (int i = 0; i < DemoData.POINTS_PER_SERIES; i++) {
            requests += DemoData.requests(h, i);
          }
        }
        WebElement served = charts.get(2).findElement(By.cssSelector(".bignumber"));
        assertThat(Double.parseDouble(served.getAttribute("data-value"))).isEqualTo(requests);
        saveScreenshot(browser.screenshot());
        assertThat(browser.javaScriptErrors()).isEmpty();
      }
    } finally {
      demo.interrupt();
      demo.join(30_000);
    }
    assertThat(demo.isAlive()).isFalse();
    assertThat(exit.get()).as(out + "\n" + err).isZero();
  }

  private static Matcher awaitConsoleLine(StringWriter err, Thread demo) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!CONSOLE_LINE.matcher(err.toString()).find() && demo.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    return CONSOLE_LINE.matcher(err.toString());
  }

  private static void saveScreenshot(byte[] png) throws IOException {
    Files.write(Path.of("target", "console-demo.png"), png);
    String wanted = System.getProperty("console.screenshot", "");
    if (!wanted.isBlank()) {
      Files.write(Path.of(wanted), png);
    }
  }
}
