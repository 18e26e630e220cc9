package dev.appoptics.cli;

import picocli.CommandLine.Option;

/** Size of terminal charts. */
final class PlotOptions {
  @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "60", description = "Chart width in characters (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", paramLabel = "LINES", defaultValue = "10", description = "Chart height in lines (default: ${DEFAULT-VALUE}).")
  int height;
}
