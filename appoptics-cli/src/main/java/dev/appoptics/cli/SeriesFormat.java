package dev.appoptics.cli;

import picocli.CommandLine.Option;

/** How series are printed: a table unless --csv or --plot is given (or --json, which wins). */
final class SeriesFormat {
  @Option(names = "--csv", description = "Print CSV: time, one column per tag name, value.")
  boolean csv;

  @Option(names = "--plot", description = "Draw a terminal line chart of each series.")
  boolean plot;

  void print(Cli cli, SeriesOutput output, PlotOptions size) {
    String text;
    if (cli.json()) {
      text = output.json();
    } else if (csv) {
      text = output.csv();
    } else if (plot) {
      text = output.plots(size.width, size.height);
    } else {
      text = output.table();
    }
    cli.out().print(text);
    cli.out().flush();
  }
}
