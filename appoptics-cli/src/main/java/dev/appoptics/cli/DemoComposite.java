package dev.appoptics.cli;

import dev.appoptics.cli.internal.Table;
import dev.appoptics.metrics.AppOptics;
import dev.appoptics.metrics.Compose;
import dev.appoptics.metrics.CompositeResult;
import dev.appoptics.metrics.CompositeSeries;
import dev.appoptics.metrics.MeasurementQuery;
import dev.appoptics.metrics.Point;
import java.time.Instant;
import java.util.Map;

/** The demo's composite step: total requests per region, built with {@link Compose} and evaluated by the server. */
final class DemoComposite {
  private final AppOptics client;
  private final DemoPrinter printer;
  private final long now;

  DemoComposite(AppOptics client, DemoPrinter printer, long now) {
    this.client = client;
    this.printer = printer;
    this.now = now;
  }

  void run() {
    printer.step("Evaluate a composite: requests per region");
    Compose east = Compose.sum(Compose.s(DemoData.REQUESTS, Map.of("region", "us-east")));
    Compose west = Compose.sum(Compose.s(DemoData.REQUESTS, Map.of("region", "eu-west")));
    MeasurementQuery window =
        MeasurementQuery.builder().startTime(DemoData.time(now, 0)).endTime(now).resolution(300).build();
    CompositeSeries eastSeries = only(client.getComposite(east, window));
    CompositeSeries westSeries = only(client.getComposite(west, window));
    printer.show("us-east: " + east);
    printer.show("eu-west: " + west);
    Table table = new Table("time (UTC)", "us-east", "eu-west");
    int rows = Math.min(eastSeries.points().size(), westSeries.points().size());
    for (int i = 0; i < rows; i++) {
      Point e = eastSeries.points().get(i);
      Point w = westSeries.points().get(i);
      table.row(Instant.ofEpochSecond(e.time()).toString(), round(e.value()), round(w.value()));
    }
    printer.show(table.render());
    printer.show("at 300 s resolution each point is the sum over the region's hosts of their 5-minute means");
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static CompositeSeries only(CompositeResult result) {
    DemoSteps.expect(result.series().size() == 1, "expected one composite series, got " + result.series().size());
    DemoSteps.expect(!result.series().get(0).points().isEmpty(), "the composite series has no points");
    return result.series().get(0);
  }
}
