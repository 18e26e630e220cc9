package dev.appoptics.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.console.HeadlessChromium;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (headless Chromium) against a running emulator: what it shows is what was
 * submitted through the API, read back from the page itself (uPlot's data, the big number's value). One browser and
 * one emulator serve the whole class; each test makes its own metrics and spaces.
 */
class ConsoleTest {
  private static final Queue<String> REQUESTS = new ConcurrentLinkedQueue<>();
  private static AppOpticsEmulator emulator;
  private static HeadlessChromium browser;
  private static TestHttp api;

  @BeforeAll
  static void start() {
    emulator = AppOpticsEmulator.builder().requestLog(REQUESTS::add).start();
    api = new TestHttp(emulator.baseUri(), "any-token");
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    try (AppOpticsEmulator e = emulator; HeadlessChromium b = browser) {
      // both closed, even if one fails
    }
  }

  @AfterEach
  void noPageLoggedAJavaScriptError() {
    assertThat(browser.javaScriptErrors()).isEmpty();
  }

  @Test
  void theLandingPageListsTheSpacesCreatedThroughTheApi() {
    long zebra = createSpace("Zebra fleet");
    long checkout = createSpace("Checkout");

    browser.open(emulator.consoleUri());

    assertThat(browser.find("#main").getAttribute("data-state")).as("no token asked: any token is accepted")
        .isEqualTo("ready");
    List<String> names = browser.findAll(".spaces li a").stream().map(WebElement::getText).toList();
    assertThat(names).containsSubsequence("Checkout", "Zebra fleet");
    assertThat(link("Checkout")).endsWith("#/spaces/" + checkout);
    assertThat(link("Zebra fleet")).endsWith("#/spaces/" + zebra);
    assertThat(browser.findAll("a.tile").stream().map(e -> e.getAttribute("data-area")).toList())
        .containsExactly("Metrics", "Alerts", "Services", "Annotation streams");
  }

  @Test
  void aLineChartDrawsExactlyTheSubmittedPoints() {
    long start = Instant.now().getEpochSecond() - 900;
    long[] times = {start, start + 60, start + 125, start + 300, start + 301, start + 720};
    double[] values = {3, 1.5, 4, -1, 5.25, 9};
    submit("console.line", "web1", times, values);
    submit("console.line", "web2", times, new double[] {100, 100, 100, 100, 100, 100});
    api.post("annotations/console.deploys", "{\"title\":\"Deployed v2\",\"start_time\":" + (start + 200) + "}");
    long space = createSpace("Line");
    createChart(space, "{\"name\":\"Web1\",\"type\":\"line\",\"streams\":[{\"metric\":\"console.line\","
        + "\"tags\":[{\"name\":\"host\",\"values\":[\"web1\"]}],\"units_short\":\"ms\"}]}");

    WebElement chart = openChart(space, "Web1");

    List<List<Number>> data = plotted(chart);
    assertThat(data).hasSize(2);
    assertThat(data.get(0)).extracting(Number::longValue).containsExactly(boxed(times));
    assertThat(data.get(1)).extracting(Number::doubleValue).containsExactly(boxed(values));
    assertThat(chart.findElements(By.cssSelector(".marker")))
        .anySatisfy(m -> assertThat(m.getAttribute("title")).startsWith("Deployed v2 (console.deploys"));
  }

  @Test
  void aRangeEndingNowShowsNewMeasurementsWithoutAReload() {
    long now = Instant.now().getEpochSecond();
    submit("console.live", "web1", new long[] {now - 120, now - 60}, new double[] {1, 2});
    long space = createSpace("Live");
    createChart(space, "{\"name\":\"Live\",\"streams\":[{\"metric\":\"console.live\"}]}");
    WebElement chart = openChart(space, "Live");
    assertThat(plotted(chart).get(1)).hasSize(2);
    browser.script("document.body.dataset.sameDocument = 'yes'");

    long later = Instant.now().getEpochSecond();
    submit("console.live", "web1", new long[] {later}, new double[] {3});

    browser.await(d -> plotted(chart).get(1).size() == 3);
    assertThat(plotted(chart).get(1)).extracting(Number::doubleValue).containsExactly(1.0, 2.0, 3.0);
    Number axisEnd = (Number) browser.script("return arguments[0].querySelector('.plot').plot.scales.x.max;", chart);
    assertThat(axisEnd.longValue()).as("the time axis moved on with the range").isGreaterThanOrEqualTo(later);
    assertThat(browser.script("return document.body.dataset.sameDocument")).isEqualTo("yes");
  }

  @Test
  void aBignumberShowsTheSummaryOfItsStream() {
    long now = Instant.now().getEpochSecond();
    submit("console.big", "web1", new long[] {now - 300, now - 200, now - 100}, new double[] {10, 20, 30.5});
    long space = createSpace("Big");
    createChart(space, "{\"name\":\"Total\",\"type\":\"bignumber\",\"thresholds\":[{\"operator\":\">\","
        + "\"value\":50,\"type\":\"red\"}],\"streams\":[{\"metric\":\"console.big\",\"summary_function\":\"sum\","
        + "\"group_function\":\"sum\",\"units_short\":\"req\"}]}");
    createChart(space, "{\"name\":\"Mean\",\"type\":\"bignumber\",\"thresholds\":[{\"operator\":\">\","
        + "\"value\":50,\"type\":\"red\"}],\"streams\":[{\"metric\":\"console.big\"}]}");

    WebElement total = openChart(space, "Total");
    WebElement mean = browser.find("[data-chart-name='Mean'] .bignumber");

    WebElement number = total.findElement(By.cssSelector(".bignumber"));
    assertThat(Double.parseDouble(number.getAttribute("data-value"))).isEqualTo(60.5);
    assertThat(number.getAttribute("data-level")).isEqualTo("red");
    assertThat(number.findElement(By.cssSelector(".value")).getText()).isEqualTo("60.5req");
    assertThat(Double.parseDouble(mean.getAttribute("data-value"))).isCloseTo(60.5 / 3, Offset.offset(1e-9));
    assertThat(mean.getAttribute("data-level")).isEqualTo("none");
  }

  @Test
  void changingTheTimeRangeReadsAgainAtTheMappedResolution() {
    long space = spaceCharting("console.range", "Range");
    openChart(space, "Range");
    assertThat(queried("console.range", 1)).as("the default range, the last 60 minutes, is raw").isTrue();

    String[][] presets = {{"30m", "1"}, {"3h", "60"}, {"6h", "60"}, {"12h", "900"}, {"24h", "900"},
        {"3d", "3600"}, {"7d", "3600"}, {"4w", "3600"}};
    for (String[] preset : presets) {
      REQUESTS.clear();
      new Select(browser.find("select.range-select")).selectByValue(preset[0]);
      browser.await(d -> d.getCurrentUrl().endsWith("range=" + preset[0]));
      browser.awaitPage();
      browser.await(d -> queried("console.range", Integer.parseInt(preset[1])));
    }
    assertThat(browser.find("[data-role='updated']").getText()).contains("refreshes every 300 s");

    REQUESTS.clear();
    long now = Instant.now().getEpochSecond();
    long from = now - 7200;
    browser.open(emulator.consoleUri().resolve("#/spaces/" + space + "?from=" + from + "&to=" + now));
    browser.await(d -> queried("console.range", 60));
    assertThat(REQUESTS).anyMatch(l -> l.contains("start_time=" + from + "&end_time=" + now));
    assertThat(browser.find("[data-role='updated']").getText()).as("a range that ends in the past stays put")
        .doesNotContain("refreshes");
  }

  @Test
  void aStreamsTransformFunctionRunsOnEveryPointAndALogAxisIsLogarithmic() {
    long start = Instant.now().getEpochSecond() - 600;
    submit("console.bytes", "web1", new long[] {start, start + 60, start + 120}, new double[] {1024, 2048, 0});
    long space = createSpace("Transform");
    createChart(space, "{\"name\":\"KiB\",\"use_log_yaxis\":true,\"streams\":[{\"metric\":\"console.bytes\","
        + "\"transform_function\":\"x/1024\"}]}");
    createChart(space, "{\"name\":\"Rate\",\"streams\":[{\"metric\":\"console.bytes\",\"period\":60,"
        + "\"transform_function\":\"2(x + p) / p\"}]}");
    createChart(space, "{\"name\":\"Broken\",\"streams\":[{\"metric\":\"console.bytes\","
        + "\"transform_function\":\"x/(p\"}]}");

    WebElement kib = openChart(space, "KiB");
    List<Double> drawn = plotted(kib).get(1).stream().map(n -> n == null ? null : n.doubleValue()).toList();
    assertThat(drawn).as("0 is not drawn on a log axis").containsExactly(1.0, 2.0, null);
    assertThat(browser.script("return arguments[0].querySelector('.plot').plot.scales.y.distr;", kib))
        .isEqualTo(3L);
    WebElement rate = browser.await(d -> {
      WebElement c = d.findElement(By.cssSelector("[data-chart-name='Rate']"));
      return "ready".equals(c.getAttribute("data-state")) ? c : null;
    });
    assertThat(plotted(rate).get(1)).extracting(Number::doubleValue).containsExactly(
        2 * (1024.0 + 60) / 60, 2 * (2048.0 + 60) / 60, 2.0);
    WebElement broken = browser.await(d -> {
      WebElement c = d.findElement(By.cssSelector("[data-chart-name='Broken']"));
      return "loading".equals(c.getAttribute("data-state")) ? null : c;
    });
    assertThat(broken.getAttribute("data-state")).isEqualTo("error");
    assertThat(broken.getText()).contains("transform_function 'x/(p'").contains("')' is missing");
  }

  @Test
  void aBadFilterShowsTheServersError() {
    long space = spaceCharting("console.filter", "Fine");
    createChart(space, "{\"name\":\"Broken\",\"streams\":[{\"composite\":\"sum(s(\\\"console.filter\\\"\"}]}");

    openChart(space, "Fine");
    WebElement broken = browser.find("[data-chart-name='Broken']");
    assertThat(broken.getAttribute("data-state")).isEqualTo("error");
    assertThat(broken.getText()).contains("(400)").contains("compose");

    browser.open(emulator.consoleUri().resolve("#/metrics/console.filter"));
    browser.await(d -> !"loading".equals(d.findElement(By.cssSelector(".chart")).getAttribute("data-state")));
    WebElement filter = browser.find("input[data-control='filter']");
    filter.sendKeys("(host=web1");
    filter.submit();
    WebElement chart = browser.await(d -> {
      WebElement c = d.findElement(By.cssSelector(".chart"));
      return "error".equals(c.getAttribute("data-state")) ? c : null;
    });
    assertThat(chart.getText()).contains("(400)").contains("tags_search");
  }

  @Test
  void everyOtherPageShowsWhatTheApiHolds() {
    long now = Instant.now().getEpochSecond();
    submit("console.pages", "web1", new long[] {now - 60}, new double[] {2});
    submit("console.pages", "web2", new long[] {now - 60}, new double[] {4});
    api.post("services", "{\"type\":\"mail\",\"title\":\"Ops mail\",\"settings\":{\"addresses\":\"ops@example.com\"}}");
    long service = api.get("services").json().at("/services/0/id").asLong();
    api.post("alerts", "{\"name\":\"console.pages.high\",\"conditions\":[{\"type\":\"above\",\"metric_name\":"
        + "\"console.pages\",\"threshold\":3}],\"services\":[" + service + "]}");
    api.post("alerts", "{\"name\":\"console.pages.quiet\",\"conditions\":[{\"type\":\"below\",\"metric_name\":"
        + "\"console.pages\",\"threshold\":1,\"duration\":60}]}");
    submit("console.pages", "web1", new long[] {Instant.now().getEpochSecond()}, new double[] {5});
    emulator.evaluateAlerts();
    api.post("annotations/console.releases", "{\"title\":\"Released 1.0\",\"source\":\"ci\"}");

    browser.open(emulator.consoleUri().resolve("#/metrics?q=console.pag"));
    assertThat(browser.find("tr[data-metric='console.pages']").getText()).contains("gauge");

    browser.open(emulator.consoleUri().resolve("#/metrics/console.pages?split=host&fn=max"));
    WebElement split = browser.await(d -> {
      WebElement c = d.findElement(By.cssSelector(".chart"));
      return "ready".equals(c.getAttribute("data-state")) ? c : null;
    });
    assertThat(plotted(split)).hasSize(3);
    assertThat(browser.find("table.series").getText()).contains("host=web1").contains("host=web2");

    browser.open(emulator.consoleUri().resolve("#/alerts"));
    WebElement alert = browser.find("[data-alert-name='console.pages.high']");
    assertThat(alert.getText()).contains("console.pages above 3 (average)").contains("Ops mail").contains("since");
    assertThat(alert.getAttribute("data-state")).isEqualTo("triggered");
    WebElement quiet = browser.find("[data-alert-name='console.pages.quiet']");
    assertThat(quiet.getText()).contains("console.pages below 1 (average) for 60 s").contains("No services.");
    assertThat(quiet.getAttribute("data-state")).isEqualTo("ok");
    alert.findElement(By.cssSelector("details summary")).click();
    WebElement sent = browser.find("[data-alert-name='console.pages.high'] .notifications li");
    assertThat(sent.getText()).contains("Ops mail").contains(sent.getAttribute("data-status"));

    browser.open(emulator.consoleUri().resolve("#/services"));
    assertThat(browser.find("#main").getText()).contains("Ops mail").contains("ops@example.com");

    browser.open(emulator.consoleUri().resolve("#/annotations"));
    browser.find("[data-stream='console.releases'] a").click();
    browser.awaitPage();
    assertThat(browser.find("table.events").getText()).contains("Released 1.0").contains("ci");
  }

  @Test
  void theThemeToggleGoesFromTheSystemsToLightToDarkAndIsRemembered() {
    browser.open(emulator.consoleUri());
    WebElement toggle = browser.find("#theme-toggle");
    assertThat(toggle.getText()).isEqualTo("Theme: auto");

    toggle.click();
    assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo("light");
    toggle.click();
    assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo("dark");
    browser.driver().navigate().refresh();
    browser.awaitPage();
    assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo("dark");
    assertThat(browser.find("#theme-toggle").getText()).isEqualTo("Theme: dark");
    browser.find("#theme-toggle").click();
    assertThat(browser.find("#theme-toggle").getText()).isEqualTo("Theme: auto");
  }

  @Test
  void aServerThatNeedsATokenAsksForItOnce() {
    try (AppOpticsEmulator guarded = AppOpticsEmulator.builder().tokens("s3cret").start()) {
      new TestHttp(guarded.baseUri(), "s3cret").post("spaces", "{\"name\":\"Guarded\"}");
      browser.driver().get(guarded.consoleUri().toString());
      browser.await(d -> "token".equals(d.findElement(By.id("main")).getAttribute("data-state")));

      WebElement input = browser.find("input[name='token']");
      input.sendKeys("wrong");
      input.submit();
      browser.await(d -> d.findElement(By.cssSelector(".refused")).getText().contains("refused"));
      input.clear();
      input.sendKeys("s3cret");
      input.submit();
      browser.await(d -> !d.findElements(By.cssSelector(".spaces li")).isEmpty());
      assertThat(browser.find(".spaces").getText()).contains("Guarded");

      browser.driver().navigate().refresh();
      browser.awaitPage();
      assertThat(browser.find("#main").getAttribute("data-state")).as("kept for the tab").isEqualTo("ready");
      browser.find("#sign-out").click();
      assertThat(browser.find("#main").getAttribute("data-state")).isEqualTo("token");
    }
  }

  @Test
  void aServerThatStoppedIsSaidSo() {
    AppOpticsEmulator stopping = AppOpticsEmulator.start();
    browser.open(stopping.consoleUri());
    stopping.close();

    browser.driver().get(stopping.consoleUri().resolve("#/metrics").toString());
    browser.await(d -> d.findElement(By.id("main")).getText().contains("The server does not answer"));
  }

  private static boolean queried(String metric, int resolution) {
    Pattern line = Pattern.compile("GET /v1/measurements/" + Pattern.quote(metric) + "\\?.*[?&]?resolution="
        + resolution + "(&| ).*-> 200.*");
    return REQUESTS.stream().anyMatch(l -> line.matcher(l).matches());
  }

  private static String link(String text) {
    return browser.find(".spaces").findElement(By.linkText(text)).getAttribute("href");
  }

  private static WebElement openChart(long space, String name) {
    browser.open(emulator.consoleUri().resolve("#/spaces/" + space));
    return browser.await(d -> {
      WebElement chart = d.findElement(By.cssSelector("[data-chart-name='" + name + "']"));
      return "loading".equals(chart.getAttribute("data-state")) ? null : chart;
    });
  }

  @SuppressWarnings("unchecked")
  private static List<List<Number>> plotted(WebElement chart) {
    return (List<List<Number>>) browser.script("return arguments[0].querySelector('.plot').plot.data;", chart);
  }

  private static void submit(String metric, String host, long[] times, double[] values) {
    StringBuilder body = new StringBuilder("{\"tags\":{\"host\":\"" + host + "\"},\"measurements\":[");
    for (int i = 0; i < times.length; i++) {
      body.append(i == 0 ? "" : ",").append("{\"name\":\"").append(metric).append("\",\"time\":").append(times[i])
          .append(",\"value\":").append(values[i]).append('}');
    }
    TestHttp.Answer answer = api.post("measurements", body.append("]}").toString());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
  }

  /** A new space with one line chart of {@code metric}, which gets one point a minute ago; the space's id. */
  private static long spaceCharting(String metric, String chart) {
    submit(metric, "web1", new long[] {Instant.now().getEpochSecond() - 60}, new double[] {7});
    long space = createSpace(chart + " space");
    createChart(space, "{\"name\":\"" + chart + "\",\"streams\":[{\"metric\":\"" + metric + "\"}]}");
    return space;
  }

  private static long createSpace(String name) {
    TestHttp.Answer answer = api.post("spaces", "{\"name\":\"" + name + "\"}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static void createChart(long space, String json) {
    TestHttp.Answer answer = api.post("spaces/" + space + "/charts", json);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
  }

  private static Long[] boxed(long[] values) {
    return Arrays.stream(values).boxed().toArray(Long[]::new);
  }

  private static Double[] boxed(double[] values) {
    return Arrays.stream(values).boxed().toArray(Double[]::new);
  }
}
