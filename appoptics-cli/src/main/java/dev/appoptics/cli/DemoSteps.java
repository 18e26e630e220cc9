package dev.appoptics.cli;

import dev.appoptics.cli.internal.LineChart;
import dev.appoptics.cli.internal.Numbers;
import dev.appoptics.cli.internal.Table;
import dev.appoptics.emulator.AppOpticsEmulator;
import dev.appoptics.metrics.Alert;
import dev.appoptics.metrics.AnnotationEvent;
import dev.appoptics.metrics.AnnotationQuery;
import dev.appoptics.metrics.AnnotationStream;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Chart;
import dev.appoptics.metrics.ChartStream;
import dev.appoptics.metrics.ChartType;
import dev.appoptics.metrics.Condition;
import dev.appoptics.metrics.Link;
import dev.appoptics.metrics.Measurement;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.MeasurementResult;
import dev.appoptics.metrics.Metric;
import dev.appoptics.metrics.MetricAttributes;
import dev.appoptics.metrics.Queue;
import dev.appoptics.metrics.QueueOptions;
import dev.appoptics.metrics.Series;
import dev.appoptics.metrics.Service;
import dev.appoptics.metrics.Space;
import dev.appoptics.metrics.StreamTag;
import dev.appoptics.metrics.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's steps after the client is connected; each prints what it did and checks what came back. */
final class DemoSteps {
  /** Steps in the whole demo, including starting the emulator and connecting. */
  static final int COUNT = 10;

  private final AppOptics client;
  private final AppOpticsEmulator emulator;
  private final DemoPrinter printer;
  private final long now;
  private long spaceId;

  DemoSteps(AppOptics client, AppOpticsEmulator emulator, DemoPrinter printer, long now) {
    this.client = client;
    this.emulator = emulator;
    this.printer = printer;
    this.now = now;
  }

  void run() {
    submit();
    readAtTwoResolutions();
    describeMetric();
    new DemoComposite(client, printer, now).run();
    spaceWithCharts();
    alertWithConditions();
    annotation();
    terminalChart();
  }

  private void submit() {
    int hosts = DemoData.HOSTS.size();
    int total = 2 * hosts * DemoData.POINTS_PER_SERIES;
    printer.step("Submit " + total + " tagged measurements through a queue");
    long requestsBefore = emulator.stats().requests();
    QueueOptions options = QueueOptions.builder().tags(Map.of("source", "demo")).autoSubmitCount(200).build();
    int sent;
    try (Queue queue = client.newQueue(options)) {
      for (int i = 0; i < DemoData.POINTS_PER_SERIES; i++) {
        for (int h = 0; h < hosts; h++) {
          Map<String, String> tags = DemoData.HOSTS.get(h);
          long time = DemoData.time(now, i);
          queue.add(measurement(DemoData.CPU, DemoData.cpu(h, i), tags, time));
          queue.add(measurement(DemoData.REQUESTS, DemoData.requests(h, i), tags, time));
        }
      }
      sent = queue.submit();
    }
    long requests = emulator.stats().requests() - requestsBefore;
    printer.show(
        "metrics " + DemoData.CPU + " and " + DemoData.REQUESTS + " for " + hosts + " hosts in 2 regions, every "
            + DemoData.STEP_SECONDS + " s over the last " + DemoData.POINTS_PER_SERIES * DemoData.STEP_SECONDS / 60
            + " minutes");
    printer.show("queue auto-submits every 200 measurements; " + total + " went out in " + requests + " requests"
        + " (last flush: " + sent + ")");
    printer.show("tags per measurement: host, region, plus app=demo (connection) and source=demo (queue)");
    expect(emulator.stats().measurementsAccepted() >= total, "the emulator accepted fewer measurements than sent");
  }

  private static Measurement measurement(String name, double value, Map<String, String> tags, long time) {
    return Measurement.builder(name).value(value).tags(tags).inheritTags(true).time(time).build();
  }

  private void readAtTwoResolutions() {
    printer.step("Read " + DemoData.CPU + " back at two resolutions");
    Table table = new Table("series", "points @60s", "points @300s", "min", "mean", "max");
    MeasurementResult fine = client.getMeasurements(DemoData.CPU, lastHalfHour(60));
    MeasurementResult coarse = client.getMeasurements(DemoData.CPU, lastHalfHour(300));
    expect(fine.series().size() == DemoData.HOSTS.size(), "expected one series per host, got " + fine.series().size());
    for (Series s : fine.series()) {
      Series rolled = coarse.find(s.tags()).orElseThrow(() -> new IllegalStateException("no 300 s series"));
      double[] values = s.points().stream().mapToDouble(p -> p.value()).toArray();
      double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
      table.row(
          hostAndRegion(s.tags()), s.points().size(), rolled.points().size(),
          java.util.Arrays.stream(values).min().orElse(Double.NaN), Math.round(mean * 10) / 10.0,
          java.util.Arrays.stream(values).max().orElse(Double.NaN));
    }
    printer.show(table.render());
    int finePoints = fine.series().get(0).points().size();
    int coarsePoints = coarse.find(fine.series().get(0).tags()).orElseThrow().points().size();
    expect(finePoints > coarsePoints, "60 s should give more points than 300 s");
    printer.show("each point is the mean of the raw values in its interval; 300 s rollups give ~1/5 of the points");
  }

  private MeasurementQuery lastHalfHour(int resolution) {
    return MeasurementQuery.builder().startTime(DemoData.time(now, 0)).endTime(now).resolution(resolution).build();
  }

  static String hostAndRegion(Map<String, String> tags) {
    return tags.getOrDefault("host", "?") + " (" + tags.getOrDefault("region", "?") + ")";
  }

  private void describeMetric() {
    printer.step("Describe the metric: units, range, description");
    client.updateMetric(
        Metric.builder(DemoData.CPU)
            .description("CPU busy, percent")
            .attributes(MetricAttributes.builder().displayUnitsShort("%").displayMin(0).displayMax(100).build())
            .build());
    Metric metric = client.getMetric(DemoData.CPU);
    printer.show(
        metric.name() + ": " + metric.type() + ", \"" + metric.description().orElse("") + "\", units "
            + metric.attributes().displayUnitsShort().orElse("?") + ", display range "
            + Numbers.format(metric.attributes().displayMin().orElse(Double.NaN)) + ".."
            + Numbers.format(metric.attributes().displayMax().orElse(Double.NaN)));
    List<String> names = client.listAllMetrics().map(Metric::name).sorted().collect(Collectors.toList());
    printer.show("metrics in the account: " + String.join(", ", names));
    expect(metric.attributes().displayUnitsShort().equals(java.util.Optional.of("%")), "units were not stored");
  }

  private void spaceWithCharts() {
    printer.step("Create a space with charts");
    Space space = client.createSpace("Demo fleet");
    List<Chart> charts =
        List.of(
            Chart.builder("CPU by host")
                .type(ChartType.LINE)
                .stream(ChartStream.metric(DemoData.CPU).tag(StreamTag.of("region", "*")).groupFunction("breakout")
                    .unitsShort("%").unitsLong("percent").build())
                .stream(ChartStream.composite("sum(s(\"" + DemoData.REQUESTS + "\", \"*\"))").name("all requests")
                    .unitsLong("requests").build())
                .label("percent")
                .build(),
            Chart.builder("Requests by host")
                .type(ChartType.STACKED)
                .stream(ChartStream.metric(DemoData.REQUESTS).tag(StreamTag.of("host", "*")).groupFunction("breakout")
                    .build())
                .build(),
            Chart.builder("Requests served")
                .type(ChartType.BIGNUMBER)
                .stream(ChartStream.metric(DemoData.REQUESTS).groupFunction("sum").summaryFunction("sum")
                    .unitsShort("req").build())
                .threshold(Threshold.of("<", 1000, "red"))
                .build());
    List<Chart> created = charts.stream().map(c -> client.createChart(space, c)).toList();
    spaceId = space.id();
    Space stored = client.getSpace(space.id());
    printer.show("space #" + space.id() + " \"" + space.name() + "\" now holds charts " + stored.chartIds());
    for (Chart chart : created) {
      printer.show("chart #" + chart.id().orElseThrow() + " \"" + chart.name() + "\" (" + chart.type().wireName()
          + ") with streams: " + chart.streams().stream().map(DemoSteps::streamText).collect(Collectors.joining("; ")));
      expect(stored.chartIds().contains(chart.id().orElseThrow()), "the space does not list chart " + chart.name());
    }
  }

  /** The id of the space the tour created, once it has run. */
  long spaceId() {
    return spaceId;
  }

  private static String streamText(ChartStream s) {
    return s.metric().map(m -> m + " " + s.tags().stream().map(t -> t.name() + "=" + String.join("|", t.values()))
            .collect(Collectors.joining(",")) + s.groupFunction().map(g -> " (" + g + ")").orElse(""))
        .orElseGet(() -> "composite " + s.composite().orElse("?"));
  }

  private void alertWithConditions() {
    printer.step("Create an alert with conditions");
    Service ops = client.listServices().findFirst()
        .orElseThrow(() -> new IllegalStateException("the emulator lists no notification service"));
    Alert alert =
        client.createAlert(
            Alert.builder("demo.cpu.high")
                .description("US hosts busy for 5 minutes while traffic is low")
                .addConditionFor(DemoData.CPU).above(85).duration(300).tag("region", "us-east")
                .and()
                .addConditionFor(DemoData.REQUESTS).below(50, "sum").duration(300)
                .and()
                .addService(ops)
                .rearmSeconds(600)
                .build());
    printer.show("alert #" + alert.id().orElseThrow() + " \"" + alert.name() + "\" notifies \"" + ops.title()
        + "\" (" + ops.type() + ") when all hold:");
    for (Condition c : alert.conditions()) {
      printer.show("  - " + AlertsCommand.conditionText(c));
    }
    expect(client.getAlert("demo.cpu.high").isPresent(), "the alert cannot be found by name");
  }

  private void annotation() {
    printer.step("Post an annotation");
    Instant deployed = Instant.ofEpochSecond(DemoData.time(now, DemoData.POINTS_PER_SERIES / 2));
    AnnotationEvent event =
        client.postAnnotation(
            "deployments",
            AnnotationEvent.builder("Deployed web v2.4.1")
                .description("rolling deploy to all four hosts")
                .source("web1")
                .startTime(deployed)
                .link(Link.of("release", "https://example.com/releases/2.4.1", "Release notes"))
                .build());
    AnnotationStream stream =
        client.getAnnotationStream("deployments", AnnotationQuery.since(deployed.minusSeconds(60)));
    printer.show("event #" + event.id().orElseThrow() + " \"" + event.title() + "\" at " + deployed
        + " in stream \"deployments\"");
    printer.show("reading the stream back: " + stream.allEvents().size() + " event(s), by source "
        + stream.events().keySet());
    expect(!stream.allEvents().isEmpty(), "the annotation stream came back empty");
  }

  private void terminalChart() {
    Map<String, String> web1 = DemoData.HOSTS.get(0);
    printer.step("Chart " + DemoData.CPU + " for " + hostAndRegion(web1) + " at 60 s resolution");
    MeasurementResult result =
        client.getMeasurements(
            DemoData.CPU,
            MeasurementQuery.builder().startTime(DemoData.time(now, 0)).endTime(now).resolution(60)
                .tag("host", web1.get("host")).build());
    expect(result.series().size() == 1, "expected one series for web1, got " + result.series().size());
    printer.show(new LineChart(60, 10).render(SeriesOutput.points(result.series().get(0).points())));
  }

  static void expect(boolean condition, String failure) {
    if (!condition) {
      throw new CliFailure(ExitCodes.FAILURE, "demo check failed: " + failure, "");
    }
  }
}
