package dev.appoptics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appoptics.emulator.ServiceSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the Java examples of the README's annotations, spaces and charts, alerts, services, API tokens and snapshots
 * section against the emulator. Each example is copied here verbatim; {@link #everyReadmeExampleIsCopiedHere()}
 * fails when the README and this file drift apart.
 */
class ReadmeResourcesExamplesTest {
  private static final String SECTION = "<!-- section: annotations, spaces and charts, alerts, services -->";

  @RegisterExtension
  static final ConnectedEmulator EMULATOR =
      ConnectedEmulator.create(
          b -> b.service(new ServiceSeed("slack", "ops", Map.of("url", "https://hooks.example.com/ops"))));

  private final AppOptics api = EMULATOR.connect();

  @Test
  void annotations() {
    AnnotationEvent posted = api.postAnnotation("deploys",
        AnnotationEvent.builder("Deployed v29")
            .source("web1")
            .description("checkout service, build 1234")
            .link(Link.of("github", "https://github.com/acme/shop/releases/v29", "Release"))
            .build());

    AnnotationStream lastDay = api.getAnnotationStream("deploys",
        AnnotationQuery.since(Instant.now().minus(Duration.ofDays(1))).withSources("web*"));
    lastDay.events().forEach((source, events) ->
        events.forEach(e -> System.out.println(source + ": " + e.title())));

    AnnotationEvent again = api.getAnnotation("deploys", posted.id().getAsLong());
    api.updateAnnotationStream("deploys", "Deployments");
    try (Stream<AnnotationStream> streams = api.listAnnotationStreams()) {
      streams.forEach(s -> System.out.println(s.name() + " " + s.displayName().orElse("")));
    }
    api.deleteAnnotationStream("deploys");

    assertThat(lastDay.events().get("web1")).containsExactly(posted);
    assertThat(again).isEqualTo(posted);
    try (Stream<AnnotationStream> streams = api.listAnnotationStreams()) {
      assertThat(streams).isEmpty();
    }
  }

  @Test
  void spacesAndCharts() {
    Space space = api.createSpace("Production");
    SpaceCharts charts = api.charts(space);

    Chart cpu = charts.addLineChart("CPU",
        ChartStream.metric("cpu.percent.user")
            .tag(StreamTag.of("environment", "production"))
            .tag(StreamTag.dynamic("host"))
            .groupFunction("breakout")
            .unitsShort("%")
            .build());
    Chart requests = charts.addBignumberChart("Requests", "http.requests");
    charts.addStackedChart("Memory",
        ChartStream.metric("mem.used").build(),
        ChartStream.metric("mem.cached").build());

    Chart renamed = charts.rename(cpu, "CPU (user)");
    Chart withSystem = api.updateChart(space, renamed.toBuilder()
        .stream(ChartStream.metric("cpu.percent.system").color("#d62728").build())
        .build());

    Optional<Space> production = api.findSpace("production");      // exact name, any case, first in list order
    Optional<Chart> requestsChart = api.findChart(space, "requests");
    charts.delete(requests);
    api.deleteSpace(space.id());

    assertThat(production.map(Space::chartIds).orElseThrow())
        .hasSize(3)
        .startsWith(cpu.id().getAsLong(), requests.id().getAsLong());
    assertThat(requestsChart).contains(requests);
    assertThat(renamed.name()).isEqualTo("CPU (user)");
    assertThat(withSystem.streams()).extracting(s -> s.metric().orElseThrow())
        .containsExactly("cpu.percent.user", "cpu.percent.system");
    assertThat(api.findSpace("production")).isEmpty();
  }

  @Test
  void alertsAndServices() {
    List<Service> services;
    try (Stream<Service> all = api.listServices()) {
      services = all.toList();
    }

    Alert alert = api.createAlert(
        Alert.builder("production.cpu.high")
            .description("CPU above 90% for a minute")
            .addConditionFor("cpu.percent.user").above(90).duration(60).tag("environment", "production")
            .addConditionFor("http.requests").below(1, "sum")
            .addConditionFor("heartbeat").stopsReportingFor(300)
            .and()
            .addService(services.get(0))
            .runbookUrl("https://runbooks.example.com/cpu")
            .rearmSeconds(600)
            .build());

    Alert paused = api.updateAlert(alert.toBuilder().active(false).build());
    Optional<Alert> byName = api.getAlert("production.cpu.high");
    try (Stream<Alert> all = api.listAlerts()) {
      all.filter(Alert::isActive).forEach(a -> System.out.println(a.name()));
    }
    api.deleteAlert(alert.id().getAsLong());

    assertThat(alert.conditions()).hasSize(3);
    assertThat(alert.services()).containsExactly(services.get(0));
    assertThat(paused.isActive()).isFalse();
    assertThat(byName).contains(paused);
    assertThat(api.getAlert("production.cpu.high")).isEmpty();
  }

  @Test
  void validation() {
    try {
      Alert.builder("cpu.high").addConditionFor("cpu").above(90).duration(30);
    } catch (InvalidInputException e) {
      System.out.println(e.field() + " " + e.value());   // conditions.duration 30
    }

    assertThatThrownBy(() -> Alert.builder("cpu.high").addConditionFor("cpu").above(90).duration(30))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field() + " " + e.value()).isEqualTo("conditions.duration 30"));
  }

  @Test
  void apiTokens() {
    ApiToken collectors = api.createApiToken(
        ApiToken.builder("collectors", TokenRole.RECORDER).build());  // active unless .active(false)
    String secret = collectors.token().orElseThrow();                  // generated by the service

    ApiToken paused = api.updateApiToken(collectors.toBuilder().active(false).build());
    try (Stream<ApiToken> matching = api.listApiTokens(ListOptions.named("collect*"))) {
      matching.forEach(t -> System.out.println(t.id().getAsLong() + " " + t.name().orElse("-") + " " + t.role()));
    }
    api.deleteApiToken(collectors.id().getAsLong());

    assertThat(secret).isNotBlank();
    assertThat(paused.isActive()).isFalse();
    assertThat(paused.token()).contains(secret);
    try (Stream<ApiToken> all = api.listApiTokens()) {
      assertThat(all).isEmpty();
    }
  }

  @Test
  void jobsAndSnapshots() {
    Chart cpuChart = api.createChart(api.createSpace("Production"), Chart.builder("CPU").build());

    Snapshot requested = api.createSnapshot(Snapshot.builder(cpuChart) // a saved Chart, or its id
        .duration(Duration.ofHours(6))                                 // default 1 hour, at most 4 weeks
        .endTime(Instant.now())                                        // default: now
        .build());
    Job job = api.waitForJob(requested.jobId().getAsLong(), Duration.ofMinutes(2));
    Snapshot rendered = api.getSnapshot(requested.id().getAsLong());
    rendered.imageHref().ifPresent(png -> System.out.println("image: " + png));

    assertThat(job.state()).isEqualTo(JobState.COMPLETE);
    assertThat(rendered).isEqualTo(requested);
    assertThat(rendered.chartId()).isEqualTo(cpuChart.id().getAsLong());
    assertThat(rendered.duration()).contains(Duration.ofHours(6));
  }

  @Test
  void everyReadmeExampleIsCopiedHere() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf(SECTION);
    int end = readme.indexOf("<!-- section:", start + SECTION.length());
    assertThat(start).as("README section marker").isNotNegative();
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    String self = normalize(Files.readString(Path.of("src/test/java/dev/appoptics/metrics/ReadmeResourcesExamplesTest.java")));

    List<String> examples = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      examples.add(m.group(1));
    }

    assertThat(examples).hasSize(6);
    assertThat(examples).allSatisfy(example -> assertThat(self).contains(normalize(example)));
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }
}
