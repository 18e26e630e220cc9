package dev.appoptics.cli;

import dev.appoptics.cli.internal.Json;

/** The answer of commands that change something and have nothing to show: a sentence, or {"done":…} with --json. */
final class Done {
  private Done() {}

  static void print(Cli cli, String verb, String kind, String what) {
    if (cli.json()) {
      cli.out().print(Json.pretty(Json.object().put(verb, kind).put("id", what)));
    } else {
      cli.out().println(verb + " " + kind + " " + what);
    }
    cli.out().flush();
  }
}
