package dev.appoptics.cli;

import dev.appoptics.metrics.AppOptics;

/** The demo's composite step. */
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
    printer.step("Evaluate a composite");
    printer.show("(composite queries are not available in this build of the client)");
  }
}
