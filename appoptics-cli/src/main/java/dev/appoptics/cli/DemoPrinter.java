package dev.appoptics.cli;

import java.io.PrintWriter;

/** Prints the demo as numbered steps with indented results, so it reads like a story in a terminal. */
final class DemoPrinter {
  private final PrintWriter out;
  private final String indent;
  private final int steps;
  private int step;

  DemoPrinter(PrintWriter out, int steps) {
    this.out = out;
    this.steps = steps;
    this.indent = " ".repeat(("[" + steps + "/" + steps + "] ").length());
  }

  void title(String title) {
    out.println(title);
    out.println("=".repeat(title.length()));
    out.println();
    out.flush();
  }

  /** Starts the next step: {@code [3/9] Submit measurements through a queue}. */
  void step(String title) {
    step++;
    if (step > 1) {
      out.println();
    }
    String number = "[" + step + "/" + steps + "]";
    out.println(number + " ".repeat(indent.length() - number.length()) + title);
    out.flush();
  }

  /** One or more lines of result, indented under the step. */
  void show(String text) {
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.println(indent + line);
      }
    }
    out.flush();
  }

  int stepsShown() {
    return step;
  }
}
