package dev.appoptics.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.appoptics.cli.internal.Json;
import java.io.PrintWriter;

/**
 * Prints the demo as numbered steps with indented results, so it reads like a story in a terminal; with
 * {@code --json} it collects the steps instead and prints them as one document when the demo finishes.
 */
final class DemoPrinter {
  private final PrintWriter out;
  private final String indent;
  private final int steps;
  private final ArrayNode json;
  private ObjectNode current;
  private int step;

  DemoPrinter(PrintWriter out, int steps, boolean json) {
    this.out = out;
    this.steps = steps;
    this.indent = " ".repeat(("[" + steps + "/" + steps + "] ").length());
    this.json = json ? Json.array() : null;
  }

  void title(String title) {
    if (json == null) {
      out.println(title);
      out.println("=".repeat(title.length()));
      out.println();
      out.flush();
    }
  }

  /** Starts the next step: {@code [3/9] Submit measurements through a queue}. */
  void step(String title) {
    step++;
    if (json != null) {
      current = json.addObject().put("step", step).put("title", title);
      current.putArray("output");
      return;
    }
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
      if (line.isEmpty()) {
        continue;
      }
      if (json != null) {
        ((ArrayNode) current.get("output")).add(line);
      } else {
        out.println(indent + line);
      }
    }
    out.flush();
  }

  /** The closing lines; with --json, the whole document: {"ok":true,"steps":[{"step","title","output":[…]}]}. */
  void finish(String... closing) {
    if (json != null) {
      ObjectNode root = Json.object().put("ok", true);
      root.set("steps", json);
      out.print(Json.pretty(root));
    } else {
      out.println();
      for (String line : closing) {
        out.println(line);
      }
    }
    out.flush();
  }
}
