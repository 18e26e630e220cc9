package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appoptics.emulator.junit5.AppOpticsEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every Java example of the README's client-core section, verbatim between the BEGIN/END markers, run against the
 * emulator so the guide cannot rot. Keep the two in sync when either changes.
 */
class ReadmeCoreExamplesTest {
  @RegisterExtension
  static final AppOpticsEmulatorExtension EMULATOR = AppOpticsEmulatorExtension.create();

  private AppOptics api;

  @BeforeEach
  void connect() {
    api = AppOptics.builder().token("my-token").baseUri(EMULATOR.baseUri()).build();
  }

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void connecting() {
    // BEGIN connect
    AppOptics production = AppOptics.connect("my-token"); // null or "" reads $APPOPTICS_TOKEN instead

    AppOptics local = AppOptics.builder()
        .token("my-token")
        .baseUri("http://localhost:8080/v1/")        // any http(s)://host:port/v1/, e.g. the emulator
        .tags(Map.of("service", "checkout"))         // connection-level tags
        .sanitizer(MetricNames::sanitize)            // default: none (invalid names are refused)
        .timeout(Duration.ofSeconds(5))              // default 10 s
        .httpEngine(HttpEngine.APACHE)               // default; HttpEngine.JDK uses java.net.http
        .build();

    local.addTags(Map.of("region", "eu-west"));     // getTags / setTags / addTags, as in Python
    local.setTimeout(Duration.ofSeconds(2));        // applies from the next request
    // END connect
    assertThat(production.baseUri()).hasToString("https://api.appoptics.com/v1/");
    assertThat(local.getTags()).isEqualTo(Map.of("service", "checkout", "region", "eu-west"));
    assertThat(local.getTimeout()).isEqualTo(Duration.ofSeconds(2));
    production.close();
    local.close();
  }

  @Test
  void submitting() {
    // BEGIN submit
    api.submit("orders.placed", 1, Map.of("region", "eu"));

    api.submit(Measurement.builder("cpu.temp")
        .value(61.5)
        .tag("host", "web1")
        .time(Instant.now())                          // default: the server's "now"
        .period(60)
        .attributes(MetricAttributes.builder()        // used only if this write creates the metric
            .displayUnitsShort("°C").summarizeFunction("max").build())
        .build());

    api.submit(List.of(                               // one request per 300 measurements
        Measurement.of("disk.used", 0.71, Map.of("host", "web1")),
        Measurement.of("disk.used", 0.45, Map.of("host", "web2"))));
    // END submit
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isEqualTo(4);
    assertThat(api.getMetric("cpu.temp").attributes().displayUnitsShort()).hasValue("°C");
  }

  @Test
  void reading() {
    api.submit(Measurement.of("cpu.temp", 61.5, Map.of("host", "web1")));
    // BEGIN query
    MeasurementQuery query = MeasurementQuery.builder()
        .duration(Duration.ofHours(1))                // or startTime(...) with optional endTime(...)
        .resolution(60)                               // seconds per point (default 1)
        .tag("host", "web*")                          // or tagsSearch("host=web* and region=eu")
        .summaryFunction("max")
        .build();

    MeasurementResult result = api.getMeasurements("cpu.temp", query);
    for (Series series : result.series()) {
      for (Point point : series.points()) {
        System.out.println(series.tags() + " " + Instant.ofEpochSecond(point.time()) + " " + point.value());
      }
    }
    // END query
    assertThat(result.series()).singleElement()
        .satisfies(s -> assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(61.5)));
  }

  @Test
  void readingPageByPage() {
    api.submit(Measurement.of("cpu.temp", 61.5, Map.of("host", "web1")));
    // BEGIN pages
    MeasurementQuery onePage = MeasurementQuery.builder()
        .duration(Duration.ofDays(7))
        .resolution(60)
        .followPages(false)                           // default: follow every page, up to maxPages(1000)
        .build();

    for (Optional<MeasurementResult> page = Optional.of(api.getMeasurements("cpu.temp", onePage));
        page.isPresent(); page = api.nextMeasurements(page.get())) {
      page.get().series().forEach(s -> System.out.println(s.tags() + " " + s.points().size() + " points"));
    }
    // END pages
    assertThat(api.getMeasurements("cpu.temp", onePage).next()).isPresent();
  }

  @Test
  void metrics() {
    api.submit(Measurement.of("cpu.load", 1, Map.of("host", "web1")));
    // BEGIN metrics
    Metric created = api.createMetric(Metric.builder("cpu.temp")
        .description("CPU temperature")
        .period(60)
        .attributes(MetricAttributes.builder().displayUnitsShort("°C").summarizeFunction("max").build())
        .build());

    api.updateMetric(Metric.builder("cpu.temp").description("Die temperature").build());
    api.updateMetric("cpu.temp", created.attributes().toBuilder().displayMin(0).build());

    Metric metric = api.getMetric("cpu.temp");                     // NotFoundException if absent

    Page<Metric> page = api.listMetrics(ListOptions.builder().name("cpu").length(50).build());
    System.out.println(page.items().size() + " of " + page.found());

    List<String> all = api.listAllMetrics()                        // fetches page after page, lazily
        .map(Metric::name)
        .collect(Collectors.toList());

    api.deleteMetric("cpu.temp");
    api.deleteMetric(List.of("old.one", "old.two"));               // one request for many names
    // END metrics
    assertThat(metric.description()).contains("Die temperature");
    assertThat(metric.attributes().displayMin()).hasValue(0);
    assertThat(page.found()).isEqualTo(2);
    assertThat(all).containsExactly("cpu.load", "cpu.temp");
    assertThat(api.listAllMetrics().map(Metric::name)).containsExactly("cpu.load");
  }

  @Test
  void queues() {
    // BEGIN queue
    try (Queue queue = api.newQueue(QueueOptions.builder()
        .tags(Map.of("service", "api"))
        .autoSubmitCount(500)                         // submit whenever 500 are queued (default: never)
        .build())) {
      queue.add("requests", 1, Map.of("route", "/login"));
      queue.add("latency.ms", 12.5, Map.of("route", "/login"), true); // + queue and connection tags
    } // submits what is left, even if the block threw
    // END queue
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isEqualTo(2);
  }

  @Test
  void tagInheritance() {
    URI baseUri = EMULATOR.baseUri();
    // BEGIN inheritance
    AppOptics conn = AppOptics.builder().token("my-token").baseUri(baseUri)
        .tags(Map.of("company", "acme", "service", "app")).build();
    Queue q = conn.newQueue(QueueOptions.builder().tags(Map.of("service", "api")).build());

    q.add("temperature", 22.1, Map.of("location", "downstairs"));       // {location=downstairs}
    q.add("temperature", 23.1);                                          // {company=acme, service=api}
    q.add("temperature", 22.1, Map.of("location", "downstairs"), true); // {company=acme, service=api,
                                                                         //  location=downstairs}
    q.submit();
    // END inheritance
    assertThat(q.isEmpty()).isTrue();
    assertThat(api.getMeasurements("temperature", MeasurementQuery.last(Duration.ofHours(1), 60)).series())
        .extracting(Series::tags)
        .containsExactlyInAnyOrder(
            Map.of("location", "downstairs"),
            Map.of("company", "acme", "service", "api"),
            Map.of("company", "acme", "service", "api", "location", "downstairs"));
    conn.close();
  }

  @Test
  void aggregator() {
    // BEGIN aggregator
    Aggregator agg = api.newAggregator(AggregatorOptions.builder()
        .tags(Map.of("host", "web1"))
        .period(60)                                   // time is floored to a multiple of the period
        .build());
    agg.add("latency.ms", 12);
    agg.add("latency.ms", 30);
    agg.submit();                                     // one measurement: count 2, sum 42, min 12, max 30
    // END aggregator
    assertThat(EMULATOR.emulator().stats().measurementsAccepted()).isEqualTo(1);
  }

  @Test
  void errors() {
    // BEGIN errors
    try {
      api.getMetric("does.not.exist");
    } catch (NotFoundException e) {
      System.out.println(e.getMessage());   // [404] GET /v1/metrics/does.not.exist: request: Metric … not found
      System.out.println(e.status() + " " + e.method() + " " + e.path() + " " + e.errors());
    } catch (RateLimitedException e) {
      e.retryAfter().ifPresent(wait -> System.out.println("retry in " + wait));
    } catch (TransportException e) {        // RequestTimeoutException, ConnectionException: status() == 0
      System.out.println("no answer: " + e.getMessage());
    }

    try {
      api.submit("cpu", Double.NaN, Map.of("host", "web1"));
    } catch (InvalidInputException e) {      // thrown before anything is sent
      System.out.println(e.field() + " = " + e.value());  // value = NaN
    }
    // END errors
  }

  @Test
  void sanitizing() {
    URI baseUri = EMULATOR.baseUri();
    // BEGIN sanitize
    String clean = MetricNames.sanitize("disk used (GB)");           // "disk-used-GB-"
    AppOptics lenient = AppOptics.builder().token("my-token").baseUri(baseUri)
        .sanitizer(MetricNames::sanitize)
        .build();
    lenient.submit("disk used (GB)", 12, Map.of("host", "web1"));    // stored as disk-used-GB-
    // END sanitize
    assertThat(clean).isEqualTo("disk-used-GB-");
    assertThat(api.getMetric("disk-used-GB-").name()).isEqualTo("disk-used-GB-");
    lenient.close();
  }

  @Test
  void everyExampleHereAppearsVerbatimInTheReadme() throws IOException {
    String source = Files.readString(Path.of("src/test/java/dev/appoptics/metrics/ReadmeCoreExamplesTest.java"));
    String readme = Files.readString(Path.of("../README.md"));
    Matcher block = Pattern.compile("// BEGIN (\\w+)\\n(.*?)\\n\\s*// END \\1", Pattern.DOTALL).matcher(source);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String snippet = block.group(2).lines()
          .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
          .collect(Collectors.joining("\n"));
      assertThat(readme).as("README example '%s'", block.group(1)).contains(snippet);
    }
    assertThat(blocks).isEqualTo(10);
  }
}
